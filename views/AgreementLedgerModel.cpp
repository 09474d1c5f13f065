#include "AgreementLedgerModel.h"

#include "BillingEntities.h"
#include "EntityCatalogue.h"
#include "MessagingEntities.h"
#include "ValueFormat.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>

namespace backoffice::views {

namespace {

QString text(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toString();
}

qint64 paymentIdOf(const QJsonObject &line)
{
    return line.value(QLatin1String("paymentId")).toInteger();
}

// The labels come from the catalogue, so a kind reads the same here as in the balance movements'
// and the charges' own lists.
QString catalogueLabel(const QString &entity, const char *fieldName, const QString &key)
{
    const FieldDescriptor *field = EntityCatalogue::get(entity).field(QLatin1String(fieldName));
    return field ? valueformat::enumLabel(*field, key) : key;
}

} // namespace

AgreementLedgerModel::AgreementLedgerModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AgreementLedgerModel::setLedger(const QJsonObject &ledger)
{
    const QJsonArray lines = ledger.value(QLatin1String("lines")).toArray();
    beginResetModel();
    m_lines.clear();
    m_lines.reserve(lines.size());
    for (const QJsonValue &line : lines)
        m_lines << line.toObject();
    endResetModel();
}

void AgreementLedgerModel::clear()
{
    if (m_lines.isEmpty())
        return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

QJsonObject AgreementLedgerModel::lineAt(int row) const
{
    return row >= 0 && row < m_lines.size() ? m_lines.at(row) : QJsonObject();
}

QString AgreementLedgerModel::kindLabel(const QJsonObject &line)
{
    const QString kind = text(line, "kind");
    if (kind == QLatin1String("charges"))
        return tr("Charges: %1").arg(catalogueLabel(entities::charges, "source", text(line, "source")));
    return catalogueLabel(entities::balanceMovements, "kind", kind);
}

int AgreementLedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int AgreementLedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgreementLedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &line = m_lines.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case PaymentIdRole: return paymentIdOf(line);
    case Qt::TextAlignmentRole:
        if (column == Amount || column == BalanceAfter || column == Payment)
            return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ForegroundRole:
        // The sign of the exact text, not of a converted number: "-0.000001" is still a debit.
        if (column == Amount && text(line, "amount").startsWith(QLatin1Char('-')))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::ToolTipRole:
        if (column == Time)
            return tr("%1 (UTC)").arg(text(line, "at"));
        if (column == Description)
            return text(line, "description");
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (column) {
    case Time: return valueformat::displayInstant(text(line, "at"));
    case Kind: return kindLabel(line);
    case Description: return text(line, "description");
    case Amount: return text(line, "amount");
    case BalanceAfter: return text(line, "balanceAfter");
    case Payment: {
        const qint64 id = paymentIdOf(line);
        return id > 0 ? QString::number(id) : QString();
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant AgreementLedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Amount || section == BalanceAfter || section == Payment))
        return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        if (section == BalanceAfter)
            return tr("The agreement's balance right after this line");
        if (section == Payment)
            return tr("The payment that moved the balance");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time: return tr("Time");
    case Kind: return tr("Kind");
    case Description: return tr("Description");
    case Amount: return tr("Amount");
    case BalanceAfter: return tr("Balance after");
    case Payment: return tr("Payment");
    case ColumnCount: break;
    }
    return {};
}

} // namespace backoffice::views
