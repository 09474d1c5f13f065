#include "InvoiceLinesModel.h"

#include "BillingEntities.h"
#include "EntityCatalogue.h"
#include "ValueFormat.h"

namespace backoffice::views {

namespace {

QJsonValue valueOf(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key));
}

// Labels and reference texts come from the catalogue, so a line reads as the generic list of
// invoice lines would show it.
QString catalogueText(const QJsonObject &line, const char *fieldName)
{
    const FieldDescriptor *field = EntityCatalogue::get(entities::invoiceLines).field(QLatin1String(fieldName));
    return field ? valueformat::display(*field, line) : QString();
}

Amount amountOf(const QJsonObject &line, const char *key)
{
    return Amount::parse(valueOf(line, key).toString()).value_or(Amount());
}

} // namespace

InvoiceLinesModel::InvoiceLinesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void InvoiceLinesModel::setLines(const QList<QJsonObject> &lines)
{
    beginResetModel();
    m_lines = lines;
    endResetModel();
}

void InvoiceLinesModel::clear()
{
    if (m_lines.isEmpty())
        return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

void InvoiceLinesModel::setCurrency(const QString &currency)
{
    if (currency == m_currency)
        return;
    m_currency = currency;
    emit headerDataChanged(Qt::Horizontal, Rate, Total);
}

QJsonObject InvoiceLinesModel::lineAt(int row) const
{
    return row >= 0 && row < m_lines.size() ? m_lines.at(row) : QJsonObject();
}

qint64 InvoiceLinesModel::chargeCount() const
{
    qint64 count = 0;
    for (const QJsonObject &line : m_lines)
        count += valueOf(line, "chargeCount").toInteger();
    return count;
}

Amount InvoiceLinesModel::sumOf(const char *key) const
{
    Amount sum;
    for (const QJsonObject &line : m_lines)
        sum += amountOf(line, key);
    return sum;
}

Amount InvoiceLinesModel::net() const
{
    return sumOf("net");
}

Amount InvoiceLinesModel::tax() const
{
    return sumOf("tax");
}

Amount InvoiceLinesModel::total() const
{
    return sumOf("total");
}

bool InvoiceLinesModel::isNumericColumn(int column)
{
    return column == Rate || column == Count || column == Volume || column == Net || column == Tax || column == Total;
}

int InvoiceLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int InvoiceLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InvoiceLinesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &line = m_lines.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case LineRole: return line;
    case Qt::TextAlignmentRole:
        return isNumericColumn(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (column == Description)
            return catalogueText(line, "description");
        if (column == Net) // what was rounded: the exact sum of the line's charges
            return tr("Exact net %1").arg(valueformat::displayAmount(valueOf(line, "exactNet"), m_currency, 2));
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (column) {
    case Source: return catalogueText(line, "source");
    case Description: return catalogueText(line, "description");
    case SenderId: return catalogueText(line, "senderRecordId");
    case PriceType: return catalogueText(line, "priceType");
    case Rate: return valueformat::displayAmount(valueOf(line, "unitPrice"));
    case Tier: return catalogueText(line, "band");
    case Count: return QString::number(valueOf(line, "chargeCount").toInteger());
    case Volume: return QString::number(valueOf(line, "volume").toInteger());
    case Net: return valueformat::displayAmount(valueOf(line, "net"));
    case Tax: return valueformat::displayAmount(valueOf(line, "tax"));
    case Total: return valueformat::displayAmount(valueOf(line, "total"));
    case ColumnCount: break;
    }
    return {};
}

QVariant InvoiceLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return isNumericColumn(section) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case PriceType: return tr("How the rate was found: a flat rate, a scale tier, a pack, free or set by staff");
        case Rate: return tr("Price of one unit, as the rate tree gave it");
        case Tier: return tr("The band of a scale rate the charges fell into");
        case Count: return tr("Charges in the line (message parts, fees)");
        case Volume: return tr("Units charged");
        case Net: return tr("The line's charges summed, rounded half up to cents once");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    // Money columns name the currency once in the header rather than in every cell.
    QString money = QStringLiteral("%1");
    if (!m_currency.isEmpty())
        money += QStringLiteral(", ") + m_currency;
    switch (Column(section)) {
    case Source: return tr("Source");
    case Description: return tr("Description");
    case SenderId: return tr("Sender ID");
    case PriceType: return tr("Price type");
    case Rate: return money.arg(tr("Rate"));
    case Tier: return tr("Scale tier");
    case Count: return tr("Count");
    case Volume: return tr("Volume");
    case Net: return money.arg(tr("Net"));
    case Tax: return money.arg(tr("Tax"));
    case Total: return money.arg(tr("Total"));
    case ColumnCount: break;
    }
    return {};
}

} // namespace backoffice::views
