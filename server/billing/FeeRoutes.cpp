#include "FeeRoutes.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "Database.h"
#include "EdrRecord.h"
#include "EntityCatalogue.h"
#include "EntityRepository.h"
#include "EntityService.h"
#include "FeeCharges.h"
#include "FeeEntities.h"
#include "FeePricing.h"
#include "FeeStore.h"
#include "MessagingEntities.h"
#include "Router.h"
#include "RuleValues.h"
#include "Transaction.h"

#include <QJsonArray>
#include <QUuid>

namespace backoffice::server {

namespace {

const QString senderFeesArea = QStringLiteral("senderIdFees");

// A record the caller may reach (its company in scope) without needing View on its own area: a
// finance user writes off a sender ID's fee without managing sender IDs.
QJsonObject reachable(Database &database, const QString &entityName, qint64 id, const SessionContext &session)
{
    const EntityDescriptor &entity = EntityCatalogue::get(entityName);
    const EntityRepository repository(database.connection(), entity);
    const auto record = repository.get(id, QDateTime::currentDateTimeUtc());
    if (!record || !session.mayTouchCompany(repository.owningCompany(id)))
        throw ApiException::notFound(QStringLiteral("%1 %2 does not exist").arg(entity.singular).arg(id));
    return *record;
}

QDateTime instantParameter(const QString &text, const char *name)
{
    if (text.isEmpty())
        return QDateTime::currentDateTimeUtc();
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        throw ApiException::validation(
            {{QLatin1String(name), QStringLiteral("must be a date-time with Z or an offset")}});
    return at.toUTC();
}

QString senderIdTypeParameter(const QString &value, const QJsonObject &sender, const char *name)
{
    if (value.isEmpty())
        return fieldOf(sender, "senderType").toString();
    for (const EnumValue &type : senderIdTypes()) {
        if (type.key == value)
            return value;
    }
    throw ApiException::validation(
        {{QLatin1String(name), QStringLiteral("must be alphanumeric, shortCode or longCode")}});
}

SenderIdFeeInput feeInput(const QJsonObject &sender, const QJsonObject &agreement, const QString &mno,
                          const QString &senderIdType, const QDateTime &at)
{
    SenderIdFeeInput input;
    input.agreementId = fieldOf(agreement, "id").toInteger();
    input.agreementCurrency = fieldOf(agreement, "currency").toString();
    input.channel = fieldOf(sender, "channel").toString();
    input.senderId = fieldOf(sender, "senderId").toString();
    input.mno = mno.trimmed();
    input.senderIdType = senderIdType;
    input.at = at;
    return input;
}

QJsonObject setupFeeJson(const SetupFeeRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("senderRecordId"), row.senderRecordId},
            {QStringLiteral("agreementId"), row.agreementId},
            {QStringLiteral("mno"), row.mno},
            {QStringLiteral("senderIdType"), row.senderIdType},
            {QStringLiteral("serviceId"), row.serviceId},
            {QStringLiteral("amount"), row.amount.toString()},
            {QStringLiteral("currency"), row.currency},
            {QStringLiteral("transactionId"), row.transactionId},
            {QStringLiteral("chargedAt"), row.chargedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("userId"), row.userId ? QJsonValue(row.userId) : QJsonValue(QJsonValue::Null)}};
}

ApiResponse writeOffSetupFee(Database &database, FeePricing &pricing, FeeCharges &charges, const ApiRequest &request,
                             const SessionContext &session)
{
    EntityService::requireAccess(session, senderFeesArea, AccessLevel::Manage);
    const qint64 senderRecordId = request.idParam();
    const QJsonObject body = request.body.trimmed().isEmpty() ? QJsonObject() : request.jsonObject();
    const QJsonObject sender = reachable(database, entities::senderIds, senderRecordId, session);
    const QJsonObject agreement
        = reachable(database, entities::agreements, fieldOf(sender, "agreementId").toInteger(), session);
    const QString senderId = fieldOf(sender, "senderId").toString();
    FeeStore store(database.connection());
    if (const auto done = store.setupFeeOf(senderRecordId))
        throw ApiException::conflict(
            QStringLiteral("The setup fee of sender ID %1 was written off on %2 (%3 %4)")
                .arg(senderId, done->chargedAt.toString(Qt::ISODate), done->amount.toString(), done->currency),
            QStringLiteral("already_written_off"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString type = senderIdTypeParameter(fieldOf(body, "senderIdType").toString(), sender, "senderIdType");
    const SenderIdFeeInput input = feeInput(sender, agreement, fieldOf(body, "mno").toString(), type, now);
    const FeeQuote fee = pricing.senderIdSetupFee(input);
    if (!fee.found)
        throw ApiException::ruleViolated(fee.message);

    SetupFeeRow row;
    row.senderRecordId = senderRecordId;
    row.companyId = fieldOf(sender, "companyId").toInteger();
    row.agreementId = input.agreementId;
    row.mno = input.mno;
    row.senderIdType = type;
    row.serviceId = fee.serviceId;
    row.amount = fee.amount;
    row.currency = fee.currency;
    row.transactionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    row.chargedAt = now;
    row.userId = session.userId;
    ChargeRecord charge;
    charge.chargedAt = now;
    charge.transactionId = row.transactionId;
    charge.companyId = row.companyId;
    charge.agreementId = row.agreementId;
    charge.source = chargesource::senderIdSetupFee;
    charge.serviceId = fee.serviceId;
    charge.senderRecordId = senderRecordId;
    charge.description = QStringLiteral("Sender ID %1 setup fee%2")
                             .arg(senderId, input.mno.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(input.mno));
    charge.units = 1;
    charge.unitPrice = fee.amount;
    charge.amount = fee.amount;
    charge.currency = fee.currency;
    charge.pricing = fee.pricing;
    {
        QSqlDatabase db = database.connection();
        Transaction transaction(db);
        row.id = store.insertSetupFee(row, charge.description, now);
        QJsonObject audited = setupFeeJson(row);
        audited.insert(QStringLiteral("explain"), fee.explain);
        AuditLog(db).record({now,
                             session.actor,
                             QStringLiteral("sender_id_setup_fees"),
                             QStringLiteral("create"),
                             row.id,
                             {},
                             audited,
                             row.companyId});
        transaction.commit();
    }
    charges.hand(charge);
    charges.flush(); // the ledger shows it when the answer arrives
    QJsonObject answer = setupFeeJson(row);
    answer.insert(QStringLiteral("explain"), fee.explain);
    return ApiResponse::json(answer, 201);
}

ApiResponse senderFees(Database &database, FeePricing &pricing, const ApiRequest &request,
                       const SessionContext &session)
{
    EntityService::requireAccess(session, senderFeesArea, AccessLevel::View);
    const qint64 senderRecordId = request.idParam();
    const QJsonObject sender = reachable(database, entities::senderIds, senderRecordId, session);
    const QJsonObject agreement
        = reachable(database, entities::agreements, fieldOf(sender, "agreementId").toInteger(), session);
    const QDateTime at = instantParameter(request.query.queryItemValue(QStringLiteral("at")), "at");
    const QString type
        = senderIdTypeParameter(request.query.queryItemValue(QStringLiteral("senderIdType")), sender, "senderIdType");
    const QString mno = request.query.queryItemValue(QStringLiteral("mno"), QUrl::FullyDecoded);
    QString period = request.query.queryItemValue(QStringLiteral("period"));
    if (period.isEmpty())
        period = QStringLiteral("monthly");
    if (period != QLatin1String("monthly") && period != QLatin1String("weekly"))
        throw ApiException::validation({{QStringLiteral("period"), QStringLiteral("must be monthly or weekly")}});

    SenderIdFeeInput input = feeInput(sender, agreement, mno, type, at);
    QJsonObject answer {{QStringLiteral("senderRecordId"), senderRecordId},
                        {QStringLiteral("senderId"), fieldOf(sender, "senderId")},
                        {QStringLiteral("agreementId"), input.agreementId},
                        {QStringLiteral("currency"), input.agreementCurrency},
                        {QStringLiteral("at"), at.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("setupFee"), pricing.senderIdSetupFee(input).toJson()}};
    const auto done = FeeStore(database.connection()).setupFeeOf(senderRecordId);
    answer.insert(QStringLiteral("setupFeeWrittenOff"),
                  done ? QJsonValue(setupFeeJson(*done)) : QJsonValue(QJsonValue::Null));
    input.periodicity = period;
    answer.insert(QStringLiteral("periodicFee"), pricing.senderIdUsageFee(input).toJson());

    // Each rule of this sender ID with the fee it would charge now.
    ListQuery query;
    query.filters << ListFilter {QStringLiteral("senderRecordId"), ListFilter::Op::Equals, QVariant(senderRecordId)};
    query.limit = 100;
    const ListPage rules = EntityRepository(database.connection(), EntityCatalogue::get(entities::senderIdFeeRules))
                               .list(query, QDateTime::currentDateTimeUtc());
    QJsonArray list;
    for (const QJsonValue &value : rules.items) {
        const QJsonObject rule = value.toObject();
        SenderIdFeeInput ruleInput = feeInput(sender, agreement, fieldOf(rule, "mno").toString(),
                                              fieldOf(rule, "senderIdType").toString(), at);
        ruleInput.periodicity = fieldOf(rule, "period").toString();
        QJsonObject item = pricing.senderIdUsageFee(ruleInput).toJson();
        item.insert(QStringLiteral("ruleId"), fieldOf(rule, "id"));
        for (const char *key :
             {"period", "startDay", "mno", "senderIdType", "enabled", "lastError", "lastChargedPeriod"})
            item.insert(QLatin1String(key), fieldOf(rule, key));
        list.append(item);
    }
    answer.insert(QStringLiteral("rules"), list);
    return ApiResponse::json(answer);
}

ApiResponse additionalFeeQuote(Database &database, FeePricing &pricing, const ApiRequest &request,
                               const SessionContext &session)
{
    EntityService::requireAccess(session, QStringLiteral("additionalFees"), AccessLevel::View);
    bool ok = false;
    const qint64 agreementId = request.query.queryItemValue(QStringLiteral("agreementId")).toLongLong(&ok);
    if (!ok)
        throw ApiException::validation({{QStringLiteral("agreementId"), QStringLiteral("is required")}});
    const QString volumeText = request.query.queryItemValue(QStringLiteral("volume"));
    const qint64 volume = volumeText.isEmpty() ? 1 : volumeText.toLongLong(&ok);
    if (!volumeText.isEmpty() && (!ok || volume < 1))
        throw ApiException::validation(
            {{QStringLiteral("volume"), QStringLiteral("must be a whole number of at least 1")}});
    const QJsonObject agreement = reachable(database, entities::agreements, agreementId, session);
    const QDateTime at = instantParameter(request.query.queryItemValue(QStringLiteral("at")), "at");
    const FeeQuote fee = pricing.additionalService(
        agreementId, fieldOf(agreement, "currency").toString(),
        request.query.queryItemValue(QStringLiteral("additionalService"), QUrl::FullyDecoded).trimmed(), volume, at);
    QJsonObject answer = fee.toJson();
    answer.insert(QStringLiteral("agreementId"), agreementId);
    return ApiResponse::json(answer);
}

} // namespace

void addFeeRoutes(Router &router, Database &database, FeePricing &pricing, FeeCharges &charges)
{
    RouteDoc setupDoc;
    setupDoc.summary = QStringLiteral("Write off a sender ID's setup fee (once; Rate not found answers 422)");
    setupDoc.tag = QStringLiteral("Finance");
    setupDoc.requestSchema = QStringLiteral("SetupFeeRequest");
    setupDoc.responseSchema = QStringLiteral("SetupFee");
    setupDoc.errorStatuses = {400, 401, 403, 404, 409, 422};
    router.add(QStringLiteral("POST"), QStringLiteral("sender-ids/{id}/setup-fee"), setupDoc,
               [&database, &pricing, &charges](const ApiRequest &request, const SessionContext *session) {
                   return writeOffSetupFee(database, pricing, charges, request, *session);
               });

    RouteDoc feesDoc;
    feesDoc.summary = QStringLiteral("What a sender ID's setup and usage fees would be, and its periodic fee rules");
    feesDoc.tag = QStringLiteral("Finance");
    feesDoc.responseSchema = QStringLiteral("SenderIdFees");
    feesDoc.errorStatuses = {400, 401, 403, 404};
    feesDoc.queryParameters
        = {QStringLiteral("mno"), QStringLiteral("senderIdType"), QStringLiteral("period"), QStringLiteral("at")};
    router.add(QStringLiteral("GET"), QStringLiteral("sender-ids/{id}/fees"), feesDoc,
               [&database, &pricing](const ApiRequest &request, const SessionContext *session) {
                   return senderFees(database, pricing, request, *session);
               });

    RouteDoc quoteDoc;
    quoteDoc.summary
        = QStringLiteral("The rate of an additional service for an agreement, and what a volume of it costs");
    quoteDoc.tag = QStringLiteral("Finance");
    quoteDoc.responseSchema = QStringLiteral("FeeQuote");
    quoteDoc.errorStatuses = {400, 401, 403, 404};
    quoteDoc.queryParameters = {QStringLiteral("agreementId"), QStringLiteral("additionalService"),
                                QStringLiteral("volume"), QStringLiteral("at")};
    router.add(QStringLiteral("GET"), QStringLiteral("additional-fees/quote"), quoteDoc,
               [&database, &pricing](const ApiRequest &request, const SessionContext *session) {
                   return additionalFeeQuote(database, pricing, request, *session);
               });
}

} // namespace backoffice::server
