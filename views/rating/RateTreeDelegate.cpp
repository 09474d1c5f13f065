#include "RateTreeDelegate.h"

#include "RateTreeModel.h"
#include "RatingCatalogue.h"

#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace backoffice::views {

using namespace backoffice::rating;

RateTreeDelegate::RateTreeDelegate(RateTreeModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{ }

QList<QPair<QString, QString>> RateTreeDelegate::priceTypeChoices(bool root)
{
    QList<QPair<QString, QString>> choices;
    for (PriceType type : {PriceType::Flat, PriceType::Scale, PriceType::Free, PriceType::Included,
                           PriceType::NotIncluded, PriceType::Blocked})
        choices.append({priceTypeKey(type), priceTypeLabel(type)});
    for (int i = 0; i < DimensionCount; ++i) {
        const auto dimension = Dimension(i);
        // Only a service domain branches on resource; below it any other attribute.
        if ((dimension == Dimension::Resource) != root)
            continue;
        choices.append({QStringLiteral("depends:%1").arg(dimensionKey(dimension)),
                        QObject::tr("Depends on %1").arg(RatingCatalogue::dimensionLabel(dimension))});
    }
    return choices;
}

QWidget *RateTreeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const qint64 id = m_model->nodeId(index);
    const RateNode *node = m_model->node(id);
    if (!node)
        return nullptr;
    switch (index.column()) {
    case RateTreeModel::ResourceColumn: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("matchEditor"));
        const RateNode *parentNode = node->parentId ? m_model->node(*node->parentId) : nullptr;
        // Open sets (countries, networks…) take any value; closed lists only their own.
        const bool open = parentNode && parentNode->parentId && parentNode->dimension
            && !RatingCatalogue::isClosedDimension(*parentNode->dimension);
        combo->setEditable(open);
        combo->addItem(m_model->label(id), node->match);
        for (const auto &choice : m_model->matchChoices(node->parentId))
            combo->addItem(choice.second, choice.first);
        return combo;
    }
    case RateTreeModel::PriceTypeColumn: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("priceTypeEditor"));
        for (const auto &choice : priceTypeChoices(!node->parentId))
            combo->addItem(choice.second, choice.first);
        return combo;
    }
    case RateTreeModel::PriceColumn: {
        auto *line = new QLineEdit(parent);
        line->setObjectName(QStringLiteral("priceEditor"));
        // Exact decimals only (guide §3): digits, optionally a point and up to six decimals.
        line->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,12}(\\.\\d{0,6})?")), line));
        line->setPlaceholderText(QStringLiteral("0.004"));
        return line;
    }
    case RateTreeModel::BillingColumn: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("billingEditor"));
        combo->addItem(tr("Default (inherit)"), QString());
        for (BillingRule rule : {BillingRule::Submitted, BillingRule::Delivered})
            combo->addItem(billingRuleLabel(rule), billingRuleKey(rule));
        return combo;
    }
    case RateTreeModel::QuantityColumn: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("quantityEditor"));
        combo->addItem(tr("Default (inherit)"), QString());
        for (QuantityRule rule : {QuantityRule::Messages, QuantityRule::Segments, QuantityRule::FullPeriod})
            combo->addItem(quantityRuleLabel(rule), quantityRuleKey(rule));
        return combo;
    }
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void RateTreeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(Qt::EditRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int at = combo->findData(value);
        combo->setCurrentIndex(at >= 0 ? at : 0);
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void RateTreeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        QString value = combo->currentData().toString();
        // Typed text (an open set) counts when it is not one of the listed labels.
        if (combo->isEditable() && combo->currentText() != combo->itemText(combo->currentIndex()))
            value = combo->currentText().trimmed();
        else if (combo->isEditable() && combo->findText(combo->currentText()) < 0)
            value = combo->currentText().trimmed();
        model->setData(index, value);
        return;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, line->text());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace backoffice::views
