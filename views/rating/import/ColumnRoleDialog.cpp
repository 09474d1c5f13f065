#include "ColumnRoleDialog.h"

#include "RateImportSettings.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

using Role = ColumnDeclaration::Role;

const QLatin1String attributePrefix("attribute:");

QString roleData(const ColumnDeclaration &declaration)
{
    if (declaration.role == Role::Attribute)
        return attributePrefix + declaration.dimension;
    return ColumnDeclaration::roleKey(declaration.role);
}

} // namespace

ColumnRoleDialog::ColumnRoleDialog(const ColumnDeclaration &current, const QList<ImportDimension> &dimensions,
                                   const QString &format, QWidget *parent)
    : QDialog(parent)
    , m_current(current)
    , m_dimensions(dimensions)
    , m_role(new QComboBox(this))
    , m_matchByLabel(new QLabel(tr("My values are:"), this))
    , m_matchBy(new QComboBox(this))
    , m_matchLabel(new QLabel(tr("Match:"), this))
    , m_matchRow(new QWidget(this))
    , m_full(new QRadioButton(tr("Full match"), m_matchRow))
    , m_best(new QRadioButton(tr("Best match"), m_matchRow))
    , m_categoryLabel(new QLabel(tr("Pricing category:"), this))
    , m_category(new QComboBox(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("columnRoleDialog"));
    setWindowTitle(tr("Column %1 import settings").arg(columnLetters(current.column)));
    m_role->setObjectName(QStringLiteral("importAsBox"));
    m_matchBy->setObjectName(QStringLiteral("matchByBox"));
    m_category->setObjectName(QStringLiteral("pricingCategoryBox"));
    m_best->setObjectName(QStringLiteral("bestMatchButton"));

    // Rate properties first (they do not shape the tree), then the resource's attributes.
    for (Role role : {Role::Ignore, Role::Price, Role::PriceType, Role::BillingRule, Role::QuantityRule}) {
        ColumnDeclaration probe;
        probe.role = role;
        m_role->addItem(ColumnDeclaration::roleLabel(role), roleData(probe));
    }
    if (format == QLatin1String("whatsappTier"))
        m_role->addItem(ColumnDeclaration::roleLabel(Role::Tier), ColumnDeclaration::roleKey(Role::Tier));
    m_role->insertSeparator(m_role->count());
    for (const ImportDimension &dimension : dimensions)
        m_role->addItem(dimension.label, QString(attributePrefix + dimension.key));
    const int at = m_role->findData(roleData(current));
    m_role->setCurrentIndex(at >= 0 ? at : 0);

    if (format == QLatin1String("whatsappBasic")) {
        for (const MatchByChoice &category : whatsappPricingCategories())
            m_category->addItem(category.label, category.key);
        const int category = m_category->findData(current.pricingCategory);
        m_category->setCurrentIndex(category >= 0 ? category : 0);
    }

    auto *group = new QButtonGroup(this);
    group->addButton(m_full);
    group->addButton(m_best);
    (current.bestMatch ? m_best : m_full)->setChecked(true);
    auto *matchLayout = new QHBoxLayout(m_matchRow);
    matchLayout->setContentsMargins(0, 0, 0, 0);
    matchLayout->addWidget(m_full);
    matchLayout->addWidget(m_best);
    matchLayout->addStretch();

    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("columnRoleHint"));
    // With the layout setting the minimum size, the wrapping hint is what keeps the dialog wide.
    m_hint->setMinimumWidth(400);

    auto *form = new QFormLayout;
    form->addRow(tr("Import as:"), m_role);
    form->addRow(m_matchByLabel, m_matchBy);
    form->addRow(m_matchLabel, m_matchRow);
    form->addRow(m_categoryLabel, m_category);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    // The title again inside: the dialog reads the same where the window manager hides titles.
    auto *heading = new QLabel(tr("<b>Column %1 import settings</b>").arg(columnLetters(current.column)), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(buttons);
    // Rows appear and the hint wraps as the choice changes: the dialog grows with them.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const auto roleChanged = [this] {
        // A new dimension offers its own dictionary attributes; keys are always there.
        m_matchBy->clear();
        if (const ImportDimension *dimension = selectedDimension()) {
            for (const MatchByChoice &choice : dimension->matchBy)
                m_matchBy->addItem(choice.label, choice.key);
            const int keep = m_matchBy->findData(m_current.dimension == dimension->key ? m_current.matchBy
                                                                                       : QStringLiteral("key"));
            m_matchBy->setCurrentIndex(keep >= 0 ? keep : 0);
        }
        updateVisibility();
    };
    roleChanged();
    connect(m_role, &QComboBox::currentIndexChanged, this, roleChanged);
    connect(m_matchBy, &QComboBox::currentIndexChanged, this, [this] { updateVisibility(); });
}

const ImportDimension *ColumnRoleDialog::selectedDimension() const
{
    const QString data = m_role->currentData().toString();
    if (!data.startsWith(attributePrefix))
        return nullptr;
    const QString key = data.mid(attributePrefix.size());
    for (const ImportDimension &dimension : m_dimensions) {
        if (dimension.key == key)
            return &dimension;
    }
    return nullptr;
}

void ColumnRoleDialog::updateVisibility()
{
    const ImportDimension *dimension = selectedDimension();
    const bool attribute = dimension != nullptr;
    m_matchByLabel->setVisible(attribute);
    m_matchBy->setVisible(attribute);
    m_matchLabel->setVisible(attribute);
    m_matchRow->setVisible(attribute);
    // Keys always match in full (docs/API.md): best match only makes sense on an attribute's text.
    const bool byKey = m_matchBy->currentData().toString() == QLatin1String("key");
    m_best->setEnabled(attribute && !byKey);
    if (byKey)
        m_full->setChecked(true);
    const bool price = m_role->currentData().toString() == ColumnDeclaration::roleKey(Role::Price);
    const bool category = price && m_category->count() > 0;
    m_categoryLabel->setVisible(category);
    m_category->setVisible(category);

    QString hint;
    if (dimension && dimension->matchBy.size() <= 1)
        hint = tr("The dictionary of %1 has keys only: the cells must hold them.").arg(dimension->label);
    else if (dimension)
        hint = tr("Choose what the cells hold: the dictionary keys or one of its attributes.");
    if (dimension && dimension->open)
        hint += QLatin1Char(' ') + tr("Values not found in the dictionary are taken as they are.");
    m_hint->setText(hint.trimmed());
    m_hint->setVisible(!hint.isEmpty());

    // The layout's minimum size leaves out the wrapped hint's height for the width: a hint growing
    // to three lines squeezed the combo boxes flat. Grow the dialog to what its width needs.
    if (QLayout *box = layout(); box && isVisible()) {
        box->activate();
        const int needed = box->hasHeightForWidth() ? box->totalHeightForWidth(width()) : box->totalSizeHint().height();
        if (needed > height())
            resize(width(), needed);
    }
}

ColumnDeclaration ColumnRoleDialog::declaration() const
{
    ColumnDeclaration chosen;
    chosen.column = m_current.column;
    const QString data = m_role->currentData().toString();
    if (const ImportDimension *dimension = selectedDimension()) {
        chosen.role = Role::Attribute;
        chosen.dimension = dimension->key;
        chosen.matchBy = m_matchBy->currentData().toString();
        if (chosen.matchBy.isEmpty())
            chosen.matchBy = QStringLiteral("key");
        chosen.bestMatch = m_best->isChecked() && chosen.matchBy != QLatin1String("key");
    } else {
        for (Role role :
             {Role::Ignore, Role::Price, Role::PriceType, Role::BillingRule, Role::QuantityRule, Role::Tier}) {
            if (ColumnDeclaration::roleKey(role) == data)
                chosen.role = role;
        }
        if (chosen.role == Role::Price && m_category->count() > 0)
            chosen.pricingCategory = m_category->currentData().toString();
    }
    // A manual mapping belongs to what the cells were taken as.
    if (chosen.role == m_current.role && chosen.dimension == m_current.dimension)
        chosen.manual = m_current.manual;
    return chosen;
}

} // namespace backoffice::views
