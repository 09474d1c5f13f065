#include "QuoteRoutes.h"

#include "ApiException.h"
#include "DestinationResolver.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "RatingCatalogue.h"
#include "RatingEngine.h"
#include "Router.h"
#include "SessionContext.h"

#include <QJsonArray>
#include <QTimeZone>

namespace backoffice::server {

namespace {

using FieldErrors = QHash<QString, QString>;

QString text(const QJsonObject &body, const char *key)
{
    return body.value(QLatin1String(key)).toString().trimmed();
}

// A positive whole number, 1 when absent.
qint64 count(const QJsonObject &body, const char *key, FieldErrors &errors)
{
    const QJsonValue value = body.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return 1;
    const qint64 number = value.toInteger(-1);
    if (!value.isDouble() || number < 1 || double(number) != value.toDouble())
        errors.insert(QString::fromLatin1(key), QStringLiteral("must be a whole number of at least 1"));
    return number;
}

// "at": an ISO date-time; with an offset or Z it is an instant, without one it is the wall clock in
// "atZone" (UTC when absent). Missing: now.
QDateTime eventTime(const QJsonObject &body, FieldErrors &errors)
{
    const QString at = text(body, "at");
    if (at.isEmpty())
        return QDateTime::currentDateTimeUtc();
    const QString zoneName = text(body, "atZone");
    const QTimeZone zone = zoneName.isEmpty() ? QTimeZone::utc() : QTimeZone(zoneName.toUtf8());
    if (!zone.isValid()) {
        errors.insert(QStringLiteral("atZone"), QStringLiteral("is not a known time zone"));
        return {};
    }
    QDateTime parsed = QDateTime::fromString(at, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        errors.insert(QStringLiteral("at"), QStringLiteral("must be an ISO 8601 date and time"));
        return {};
    }
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed = QDateTime(parsed.date(), parsed.time(), zone);
    return parsed.toUTC();
}

QJsonObject answer(const RatingOutcome &outcome, const QJsonObject &destination, const QJsonObject &attributes)
{
    QJsonObject out{{QStringLiteral("status"), outcome.status},
                    {QStringLiteral("priced"), outcome.priced()},
                    {QStringLiteral("reason"), outcome.reason.isEmpty() ? QJsonValue() : QJsonValue(outcome.reason)},
                    {QStringLiteral("attributes"), attributes}};
    if (!destination.isEmpty())
        out.insert(QStringLiteral("destination"), destination);
    QJsonArray considered;
    for (const ConsideredService &c : outcome.considered)
        considered.append(QJsonObject{{QStringLiteral("enabledServiceId"), c.enabledServiceId},
                                      {QStringLiteral("serviceId"), c.serviceId},
                                      {QStringLiteral("serviceName"), c.serviceName},
                                      {QStringLiteral("serviceType"), c.serviceType},
                                      {QStringLiteral("outcome"), c.outcome}});
    out.insert(QStringLiteral("considered"), considered);
    if (!outcome.hasQuote)
        return out;
    const rating::QuoteResult &q = outcome.quote;
    QJsonArray path;
    for (qsizetype i = 0; i < q.pathIds.size(); ++i)
        path.append(QJsonObject{{QStringLiteral("id"), q.pathIds.at(i)}, {QStringLiteral("label"), q.pathLabels.value(i)}});
    out.insert(QStringLiteral("enabledServiceId"), outcome.enabledServiceId);
    out.insert(QStringLiteral("serviceId"), outcome.serviceId);
    out.insert(QStringLiteral("serviceName"), outcome.serviceName);
    out.insert(QStringLiteral("serviceType"), outcome.serviceType);
    out.insert(QStringLiteral("scopeId"), outcome.scopeId);
    out.insert(QStringLiteral("currency"), outcome.currency.isEmpty() ? QJsonValue() : QJsonValue(outcome.currency));
    out.insert(QStringLiteral("nodeId"), q.nodeId);
    out.insert(QStringLiteral("path"), path);
    out.insert(QStringLiteral("unitPrice"), q.unitPrice.toString());
    out.insert(QStringLiteral("quantity"), q.quantity);
    out.insert(QStringLiteral("amount"), q.amount.toString());
    out.insert(QStringLiteral("periodAdjustment"), q.periodAdjustment.toString());
    out.insert(QStringLiteral("billingRule"), rating::billingRuleKey(q.billingRule));
    out.insert(QStringLiteral("quantityRule"), rating::quantityRuleKey(q.quantityRule));
    out.insert(QStringLiteral("explain"), q.explain);
    if (q.bandCount > 0) {
        out.insert(QStringLiteral("band"), q.band);
        out.insert(QStringLiteral("bandCount"), q.bandCount);
        out.insert(QStringLiteral("bandText"), q.bandText);
        out.insert(QStringLiteral("scaleMode"), rating::scaleModeKey(q.scaleMode));
        out.insert(QStringLiteral("counterGroup"), rating::counterGroupKey(q.counterGroup));
        out.insert(QStringLiteral("periodVolume"), outcome.periodVolume);
        if (outcome.period.startUtc.isValid())
            out.insert(QStringLiteral("period"),
                       QJsonObject{{QStringLiteral("start"), outcome.period.startUtc.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("end"), outcome.period.endUtc.toString(Qt::ISODateWithMs)}});
    }
    return out;
}

} // namespace

void addQuoteRoutes(Router &router, EntityService &entities, RatingEngine &engine, DestinationResolver &destinations)
{
    RouteDoc quoteDoc;
    quoteDoc.summary = QStringLiteral("Price one message or fee for an agreement at an instant, with the explain trace");
    quoteDoc.tag = QStringLiteral("Services");
    quoteDoc.requestSchema = QStringLiteral("QuoteRequest");
    quoteDoc.responseSchema = QStringLiteral("Quote");
    quoteDoc.errorStatuses = {400, 401, 403, 404};
    router.add(
        QStringLiteral("POST"), QStringLiteral("rating/quote"), quoteDoc,
        [&entities, &engine, &destinations](const ApiRequest &request, const SessionContext *session) {
            EntityService::requireAccess(*session, QStringLiteral("services"), AccessLevel::View);
            const QJsonObject body = request.jsonObject();
            FieldErrors errors;
            RatingInput input;
            input.agreementId = body.value(QLatin1String("agreementId")).toInteger(0);
            if (input.agreementId <= 0)
                errors.insert(QStringLiteral("agreementId"), QStringLiteral("is required"));
            input.at = eventTime(body, errors);
            input.request.domain = text(body, "channel");
            input.request.resource = text(body, "resource");
            if (input.request.domain.isEmpty())
                errors.insert(QStringLiteral("channel"), QStringLiteral("is required (a service domain such as sms)"));
            else if (!rating::RatingCatalogue::domain(input.request.domain))
                errors.insert(QStringLiteral("channel"), QStringLiteral("is not a known service domain"));
            if (input.request.resource.isEmpty())
                errors.insert(QStringLiteral("resource"), QStringLiteral("is required (such as sms-message)"));
            else if (errors.isEmpty() && !rating::RatingCatalogue::resource(input.request.domain, input.request.resource))
                errors.insert(QStringLiteral("resource"), QStringLiteral("is not a resource of that service domain"));
            input.request.messages = count(body, "messages", errors);
            input.request.segments = count(body, "segments", errors);
            input.senderId = text(body, "senderId");
            const QJsonValue volume = body.value(QLatin1String("periodVolume"));
            if (!volume.isUndefined() && !volume.isNull()) {
                if (!volume.isDouble() || volume.toInteger(-1) < 0)
                    errors.insert(QStringLiteral("periodVolume"), QStringLiteral("must be a whole number, 0 or more"));
                else
                    input.periodVolume = volume.toInteger();
            }

            // Attributes as sent, then what the number resolves to for those not sent.
            QHash<QString, QString> attributes;
            const QJsonObject sent = body.value(QLatin1String("attributes")).toObject();
            for (auto it = sent.begin(); it != sent.end(); ++it)
                attributes.insert(it.key(), it.value().toString());
            QJsonObject destination;
            const QString number = text(body, "number");
            if (!number.isEmpty()) {
                try {
                    destination = destinations.resolve(number);
                } catch (const ApiException &e) {
                    errors.insert(QStringLiteral("number"), e.fields.value(QStringLiteral("number"), e.message));
                }
                for (const char *key : {"country", "mcc", "mccmnc", "network"}) {
                    const QString name = QString::fromLatin1(key);
                    if (!attributes.contains(name) && !destination.value(name).toString().isEmpty())
                        attributes.insert(name, destination.value(name).toString());
                }
            }
            // Business messaging is mobile-terminated unless said otherwise.
            if (!attributes.contains(QStringLiteral("direction")))
                attributes.insert(QStringLiteral("direction"), QStringLiteral("mt"));
            QString unknown;
            if (!input.request.setAttributes(attributes, &unknown))
                errors.insert(QStringLiteral("attributes"), QStringLiteral("\"%1\" is not a rate attribute").arg(unknown));
            if (!errors.isEmpty())
                throw ApiException::validation(errors);
            // 404/403 as for reading the agreement itself (resellers see their own companies only).
            entities.get(EntityCatalogue::get(entities::agreements), input.agreementId, *session);

            QJsonObject attributeJson;
            for (auto it = attributes.begin(); it != attributes.end(); ++it)
                attributeJson.insert(it.key(), it.value());
            return ApiResponse::json(answer(engine.rate(input), destination, attributeJson));
        });
}

} // namespace backoffice::server
