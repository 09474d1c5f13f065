#include "LineChargesModel.h"

#include "ApiClient.h"
#include "EntityCatalogue.h"
#include "ErrorText.h"
#include "MessagingEntities.h"
#include "ValueFormat.h"

#include <QJsonArray>

namespace backoffice::views {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// An optional id as a filter value: empty matches the charges without one (fees have no sender).
QString idFilter(const QJsonObject &line, const char *key)
{
    const qint64 id = line.value(QLatin1String(key)).toInteger();
    return id > 0 ? QString::number(id) : QString();
}

QString catalogueText(const QJsonObject &charge, const char *fieldName)
{
    const FieldDescriptor *field = EntityCatalogue::get(entities::charges).field(QLatin1String(fieldName));
    return field ? valueformat::display(*field, charge) : QString();
}

} // namespace

LineChargesModel::LineChargesModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{ }

QUrlQuery LineChargesModel::queryFor(const QJsonObject &invoice, const QJsonObject &line)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("agreementId"),
                       QString::number(invoice.value(QLatin1String("agreementId")).toInteger()));
    // The invoice's period as the invoice run reads it: from its start (inclusive) to its end (exclusive).
    query.addQueryItem(QStringLiteral("chargedAt.from"), text(invoice, "periodStart"));
    query.addQueryItem(QStringLiteral("chargedAt.to"), text(invoice, "periodEnd"));
    query.addQueryItem(QStringLiteral("source"), text(line, "source"));
    query.addQueryItem(QStringLiteral("serviceId"), idFilter(line, "serviceId"));
    query.addQueryItem(QStringLiteral("senderRecordId"), idFilter(line, "senderRecordId"));
    query.addQueryItem(QStringLiteral("unitPrice"), text(line, "unitPrice"));
    query.addQueryItem(QStringLiteral("band"), text(line, "band"));
    // The line's price terms: a line holds the charges of one price type, scale tier and rate.
    for (const char *key : {"priceType", "scaleType", "scaleGroup"})
        query.addQueryItem(QLatin1String(key), text(line, key));
    for (const char *key : {"scaleTier", "rateId"})
        query.addQueryItem(QLatin1String(key), idFilter(line, key));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("chargedAt,id"));
    return query;
}

void LineChargesModel::load(const QJsonObject &invoice, const QJsonObject &line)
{
    beginResetModel();
    m_charges.clear();
    m_query = queryFor(invoice, line);
    m_band = text(line, "band");
    m_zone = text(invoice, "timeZone");
    m_currency = text(invoice, "currency");
    m_serverOffset = 0;
    m_complete = false;
    m_loading = false;
    ++m_generation; // an answer for the previous line is dropped
    endResetModel(); // a view may ask for the first page right here (fetchMore)
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    requestPage();
}

QJsonObject LineChargesModel::chargeAt(int row) const
{
    return row >= 0 && row < m_charges.size() ? m_charges.at(row) : QJsonObject();
}

bool LineChargesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && !m_loading;
}

void LineChargesModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void LineChargesModel::requestPage()
{
    if (m_loading)
        return; // one page at a time: two answers for the same offset would list its charges twice
    QUrlQuery query = m_query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_serverOffset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    m_loading = true;
    ApiReply *reply = m_api->get(entities::charges, query);
    const int generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation == m_generation)
            onPage(reply);
    });
}

void LineChargesModel::onPage(ApiReply *reply)
{
    m_loading = false;
    if (!reply->ok()) {
        m_complete = true; // not asked again by scrolling: the refusal would only repeat
        emit pageLoaded(false, describeFailure(reply));
        return;
    }
    const QJsonObject answer = reply->object();
    const QJsonArray items = answer.value(QLatin1String("items")).toArray();
    QList<QJsonObject> kept;
    for (const QJsonValue &item : items) {
        const QJsonObject charge = item.toObject();
        if (text(charge, "band") == m_band) // null and "" both read as ""
            kept << charge;
    }
    m_serverOffset += int(items.size());
    m_complete = items.isEmpty() || m_serverOffset >= answer.value(QLatin1String("total")).toInteger();
    if (!kept.isEmpty()) {
        beginInsertRows({}, int(m_charges.size()), int(m_charges.size() + kept.size() - 1));
        m_charges << kept;
        endInsertRows();
    }
    emit pageLoaded(true, QString());
    if (kept.isEmpty() && !m_complete)
        requestPage(); // a page of other tiers only: no rows for a view to scroll to, so ask on
}

int LineChargesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_charges.size());
}

int LineChargesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LineChargesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &charge = m_charges.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case ChargeRole: return charge;
    case Qt::TextAlignmentRole:
        if (column == Edr || column == Units || column == UnitPrice || column == Amount)
            return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ToolTipRole:
        if (column == Time)
            return tr("%1 (UTC)").arg(text(charge, "chargedAt"));
        if (column == Edr)
            return catalogueText(charge, "edrId"); // the message id
        if (column == Description)
            return text(charge, "description");
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (column) {
    case Time: return valueformat::displayInstant(text(charge, "chargedAt"), m_zone);
    case Source: return catalogueText(charge, "source");
    case Edr: {
        const qint64 edr = charge.value(QLatin1String("edrId")).toInteger();
        return edr > 0 ? QString::number(edr) : QString();
    }
    case SenderId: return catalogueText(charge, "senderRecordId");
    case Description: return text(charge, "description");
    case Units: return QString::number(charge.value(QLatin1String("units")).toInteger());
    case UnitPrice: return valueformat::displayAmount(charge.value(QLatin1String("unitPrice")));
    case Amount: return valueformat::displayAmount(charge.value(QLatin1String("amount")));
    case ColumnCount: break;
    }
    return {};
}

QVariant LineChargesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    const auto column = Column(section);
    if (role == Qt::TextAlignmentRole) {
        if (column == Edr || column == Units || column == UnitPrice || column == Amount)
            return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    QString currency;
    if (!m_currency.isEmpty())
        currency = QStringLiteral(", ") + m_currency;
    switch (column) {
    case Time: return m_zone.isEmpty() ? tr("Time") : tr("Time (%1)").arg(m_zone);
    case Source: return tr("Source");
    case Edr: return tr("EDR");
    case SenderId: return tr("Sender ID");
    case Description: return tr("Description");
    case Units: return tr("Units");
    case UnitPrice: return QString(tr("Unit price") + currency);
    case Amount: return QString(tr("Amount") + currency);
    case ColumnCount: break;
    }
    return {};
}

} // namespace backoffice::views
