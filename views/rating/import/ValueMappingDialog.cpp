#include "ValueMappingDialog.h"

#include "RateImportSettings.h"

#include "DimensionValueSearch.h"
#include "RatingTypes.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

using Role = ColumnDeclaration::Role;
using namespace backoffice::rating;

constexpr int TextRole = Qt::UserRole + 1;
constexpr int AutoKeyRole = Qt::UserRole + 2;
constexpr int AutoLabelRole = Qt::UserRole + 3;
constexpr int AutoHowRole = Qt::UserRole + 4;

const QColor unmatchedColor(255, 214, 153); // orange, as the manual shows values with no match
const QColor manualColor(200, 235, 200); // green: mapped by hand
const QColor similarColor(255, 244, 179); // pale yellow: matched by similarity, worth a look

QString howLabel(const QString &how, Role role)
{
    if (how == QLatin1String("full"))
        return ValueMappingDialog::tr("Full match");
    if (how == QLatin1String("best"))
        return ValueMappingDialog::tr("Best match");
    if (how == QLatin1String("manual"))
        return ValueMappingDialog::tr("Manual");
    if (how == QLatin1String("others"))
        return ValueMappingDialog::tr("Others");
    if (how == QLatin1String("open"))
        return ValueMappingDialog::tr("Taken as it is");
    if (how == QLatin1String("none"))
        return role == Role::Price ? ValueMappingDialog::tr("Not a price") : ValueMappingDialog::tr("No match");
    if (how == QLatin1String("value"))
        return ValueMappingDialog::tr("Read from the cell");
    if (how == QLatin1String("empty"))
        // An empty price skips its row; an empty attribute cell blocks like an unmatched one.
        return role == Role::Price ? ValueMappingDialog::tr("Empty: row not imported") : ValueMappingDialog::tr("Empty");
    return how;
}

QString shownText(const QString &text)
{
    return text.isEmpty() ? ValueMappingDialog::tr("(empty cells)") : text;
}

// The values a rate-property column may be mapped to, as (key, label).
QList<QPair<QString, QString>> choicesFor(Role role)
{
    QList<QPair<QString, QString>> list;
    switch (role) {
    case Role::Price:
        for (PriceType type : {PriceType::Free, PriceType::Blocked, PriceType::NotIncluded, PriceType::Included})
            list.append({priceTypeKey(type), priceTypeLabel(type)});
        break;
    case Role::PriceType:
        for (PriceType type :
             {PriceType::Flat, PriceType::Free, PriceType::Blocked, PriceType::NotIncluded, PriceType::Included})
            list.append({priceTypeKey(type), priceTypeLabel(type)});
        break;
    case Role::BillingRule:
        for (BillingRule rule : {BillingRule::Submitted, BillingRule::Delivered})
            list.append({billingRuleKey(rule), billingRuleLabel(rule)});
        break;
    case Role::QuantityRule:
        for (QuantityRule rule : {QuantityRule::Messages, QuantityRule::Segments, QuantityRule::FullPeriod})
            list.append({quantityRuleKey(rule), quantityRuleLabel(rule)});
        break;
    default: break;
    }
    return list;
}

// What a cell text is imported as: a dictionary value with its key ("Sweden (SE)"); a rate
// property by its label alone ("Blocked", not "Blocked (blocked)"): its keys are the program's.
QString shownValue(Role role, const QString &key, QString label)
{
    if (key.isEmpty())
        return {};
    if (role != Role::Attribute) {
        if (label.isEmpty() || label == key) {
            for (const auto &[choiceKey, choiceLabel] : choicesFor(role)) {
                if (choiceKey == key)
                    label = choiceLabel;
            }
        }
        return label.isEmpty() ? key : label;
    }
    return label.isEmpty() || label == key ? key : QStringLiteral("%1 (%2)").arg(label, key);
}

} // namespace

ValueMappingDialog::ValueMappingDialog(ApiClient &api, const ColumnDeclaration &declaration, const QString &title,
                                       const QJsonObject &column, QWidget *parent)
    : QDialog(parent)
    , m_declaration(declaration)
    , m_manual(declaration.manual)
    , m_table(new QTableWidget(this))
    , m_selected(new QLabel(this))
    , m_clear(new QPushButton(tr("Back to automatic"), this))
{
    setObjectName(QStringLiteral("valueMappingDialog"));
    setWindowTitle(tr("Column %1: %2 — mapping").arg(columnLetters(declaration.column), title));
    m_table->setObjectName(QStringLiteral("mappingTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Value in the file"), tr("Rows"), tr("Imported as"), tr("How")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(RowsColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MatchColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(HowColumn, QHeaderView::ResizeToContents);

    const QJsonArray values = column.value(QLatin1String("values")).toArray();
    m_table->setRowCount(int(values.size()));
    for (int row = 0; row < int(values.size()); ++row) {
        const QJsonObject value = values.at(row).toObject();
        auto *text = new QTableWidgetItem(shownText(value.value(QLatin1String("text")).toString()));
        text->setData(TextRole, value.value(QLatin1String("text")).toString());
        text->setData(AutoKeyRole, value.value(QLatin1String("key")).toVariant().toString());
        text->setData(AutoLabelRole, value.value(QLatin1String("label")).toString());
        text->setData(AutoHowRole, value.value(QLatin1String("how")).toString());
        m_table->setItem(row, TextColumn, text);
        auto *rows = new QTableWidgetItem;
        rows->setData(Qt::DisplayRole, value.value(QLatin1String("rows")).toInteger());
        m_table->setItem(row, RowsColumn, rows);
        m_table->setItem(row, MatchColumn, new QTableWidgetItem);
        m_table->setItem(row, HowColumn, new QTableWidgetItem);
        fillRow(row);
    }
    m_table->resizeColumnToContents(TextColumn);

    auto *heading = new QLabel(tr("<b>Column %1: %2</b>").arg(columnLetters(declaration.column), title.toHtmlEscaped()), this);
    QString hintText;
    if (values.isEmpty())
        hintText = tr("Every value of this column was read as it is: there is nothing to map.");
    else if (declaration.role == Role::Price)
        // A price column lists only the texts that are not prices: nothing is matched by similarity.
        hintText = tr("These cells are not prices. Values in orange block the import until mapped: select a "
                      "value, then type the price it stands for or choose a price type.");
    else if (declaration.role == Role::Attribute)
        hintText = tr("Values in orange have no match and block the import until mapped; yellow ones were matched "
                      "by similarity. Select a value, then choose what it stands for.");
    else
        hintText = tr("Values in orange have no match and block the import until mapped; yellow ones were matched "
                      "by similarity. Select a value, choose what it stands for, then Set.");
    auto *hint = new QLabel(hintText, this);
    hint->setWordWrap(true);
    m_selected->setObjectName(QStringLiteral("mappingSelected"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    // Enter in the search or the price field maps the value; it must not close the dialog too.
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_selected);
    // Only the dictionary search needs room to grow; the other editors are one line.
    layout->addWidget(buildEditor(api), m_search ? 2 : 0);
    if (!m_search)
        layout->addStretch(1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] {
        const QString text = selectedText();
        const bool any = m_table->currentRow() >= 0;
        m_selected->setText(any ? tr("Map \"%1\" to:").arg(shownText(text)) : tr("Select a value to map it."));
        m_clear->setEnabled(any && m_manual.contains(text));
        if (m_set)
            m_set->setEnabled(any);
        if (any && m_search)
            m_search->search(text); // the cell text itself is the first guess
    });
    connect(m_clear, &QPushButton::clicked, this, [this] { setManual(selectedText(), {}, {}); });
    m_selected->setText(tr("Select a value to map it."));
    m_clear->setEnabled(false);
    if (m_set)
        m_set->setEnabled(false);
    // Start on the first value that blocks the import, where the work is; without one, on the first
    // value matched by similarity, the one to check.
    const auto firstUnmapped = [this](const QString &how) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const QTableWidgetItem *item = m_table->item(row, TextColumn);
            if (item->data(AutoHowRole).toString() == how && !m_manual.contains(item->data(TextRole).toString()))
                return row;
        }
        return -1;
    };
    int start = firstUnmapped(QStringLiteral("none"));
    if (start < 0)
        start = firstUnmapped(QStringLiteral("best"));
    if (start >= 0)
        m_table->setCurrentCell(start, TextColumn);
    resize(760, 580);
}

void ValueMappingDialog::keyPressEvent(QKeyEvent *event)
{
    // The line edits pass Enter on after their returnPressed; QDialogButtonBox makes OK the default
    // button when the dialog shows, so without this Enter would also accept the dialog.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && qobject_cast<QLineEdit *>(focusWidget()) && isAncestorOf(focusWidget())) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

QWidget *ValueMappingDialog::buildEditor(ApiClient &api)
{
    auto *editor = new QWidget(this);
    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    const Role role = m_declaration.role;
    if (role == Role::Attribute) {
        m_search = new DimensionValueSearch(api, m_declaration.dimension, editor);
        layout->addWidget(m_search, 1);
        connect(m_search, &DimensionValueSearch::chosen, this,
                [this](const QString &key, const QString &label) { setManual(selectedText(), key, label); });
        auto *use = new QPushButton(tr("Use the selected match"), editor);
        use->setObjectName(QStringLiteral("useMatchButton"));
        connect(use, &QPushButton::clicked, m_search, &DimensionValueSearch::chooseCurrent);
        row->addWidget(use);
    } else if (role == Role::Tier) {
        m_tier = new QSpinBox(editor);
        m_tier->setRange(1, 2000000000);
        m_tier->setPrefix(tr("first unit "));
        row->addWidget(m_tier);
    } else {
        if (role == Role::Price) {
            m_price = new QLineEdit(editor);
            m_price->setObjectName(QStringLiteral("manualPrice"));
            m_price->setPlaceholderText(tr("a price, e.g. 0.0095"));
            // Exact decimals with at most 6 places, as Money holds them (guide §3).
            m_price->setValidator(new QRegularExpressionValidator(
                QRegularExpression(QStringLiteral("^\\d{0,12}(\\.\\d{0,6})?$")), m_price));
            connect(m_price, &QLineEdit::returnPressed, this, &ValueMappingDialog::applyEditor);
            row->addWidget(m_price, 1);
            row->addWidget(new QLabel(tr("or"), editor));
        }
        m_choice = new QComboBox(editor);
        m_choice->setObjectName(QStringLiteral("manualChoice"));
        if (role == Role::Price)
            m_choice->addItem(tr("the price typed"), QString());
        for (const auto &[key, label] : choicesFor(role))
            m_choice->addItem(label, key);
        row->addWidget(m_choice, 1);
        if (m_price) {
            // Typing a price means the price typed, whatever type was chosen before.
            connect(m_price, &QLineEdit::textEdited, m_choice, [this] { m_choice->setCurrentIndex(0); });
        }
    }
    if (role != Role::Attribute) {
        m_set = new QPushButton(tr("Set"), editor);
        m_set->setObjectName(QStringLiteral("setMappingButton"));
        connect(m_set, &QPushButton::clicked, this, &ValueMappingDialog::applyEditor);
        row->addWidget(m_set);
    }
    row->addStretch();
    m_clear->setObjectName(QStringLiteral("clearMappingButton"));
    row->addWidget(m_clear);
    layout->addLayout(row);
    return editor;
}

void ValueMappingDialog::applyEditor()
{
    if (m_table->currentRow() < 0)
        return;
    const QString text = selectedText();
    if (m_tier) {
        setManual(text, QString::number(m_tier->value()), tr("from %1").arg(m_tier->value()));
        return;
    }
    const QString key = m_choice ? m_choice->currentData().toString() : QString();
    if (!key.isEmpty()) {
        setManual(text, key, m_choice->currentText());
        return;
    }
    if (m_price) {
        QString price = m_price->text().trimmed();
        if (price.isEmpty() || price == QLatin1String("."))
            return;
        if (price.startsWith(QLatin1Char('.')))
            price.prepend(QLatin1Char('0'));
        if (price.endsWith(QLatin1Char('.')))
            price.chop(1);
        setManual(text, price, price);
    }
}

QString ValueMappingDialog::selectedText() const
{
    const QTableWidgetItem *item = m_table->item(m_table->currentRow(), TextColumn);
    return item ? item->data(TextRole).toString() : QString();
}

bool ValueMappingDialog::selectText(const QString &text)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, TextColumn)->data(TextRole).toString() == text) {
            m_table->setCurrentCell(row, TextColumn);
            return true;
        }
    }
    return false;
}

void ValueMappingDialog::setManual(const QString &text, const QString &value, const QString &label)
{
    if (value.isEmpty()) {
        m_manual.remove(text);
        m_manualLabels.remove(text);
    } else {
        m_manual.insert(text, value);
        m_manualLabels.insert(text, label);
    }
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, TextColumn)->data(TextRole).toString() == text)
            fillRow(row);
    }
    if (selectedText() == text)
        m_clear->setEnabled(m_manual.contains(text));
}

void ValueMappingDialog::fillRow(int row)
{
    const QTableWidgetItem *text = m_table->item(row, TextColumn);
    const QString cell = text->data(TextRole).toString();
    QString match;
    QString how;
    QColor background;
    if (m_manual.contains(cell)) {
        const QString value = m_manual.value(cell);
        const QString autoKey = text->data(AutoKeyRole).toString();
        // A mapping made earlier shows the label the analysis found for it.
        QString label = m_manualLabels.value(cell);
        if (label.isEmpty() && autoKey == value)
            label = text->data(AutoLabelRole).toString();
        match = shownValue(m_declaration.role, value, label);
        how = howLabel(QStringLiteral("manual"), m_declaration.role);
        background = manualColor;
    } else {
        const QString autoHow = text->data(AutoHowRole).toString();
        if (autoHow == QLatin1String("manual")) {
            // A manual mapping taken back: the automatic match is known after the next analysis.
            match = tr("(automatic, after OK)");
            how = QString();
        } else {
            match = shownValue(m_declaration.role, text->data(AutoKeyRole).toString(),
                               text->data(AutoLabelRole).toString());
            how = howLabel(autoHow, m_declaration.role);
            if (autoHow == QLatin1String("none"))
                background = unmatchedColor;
            else if (autoHow == QLatin1String("best"))
                background = similarColor;
        }
    }
    m_table->item(row, MatchColumn)->setText(match);
    m_table->item(row, HowColumn)->setText(how);
    for (int column = 0; column < m_table->columnCount(); ++column) {
        QTableWidgetItem *item = m_table->item(row, column);
        item->setBackground(background.isValid() ? QBrush(background) : QBrush());
        // The light shades need dark text whatever the desktop theme is.
        item->setForeground(background.isValid() ? QBrush(Qt::black) : QBrush());
    }
}

} // namespace backoffice::views
