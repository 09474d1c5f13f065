#include "QuoteRoutes.h"

#include "JsonWriter.h"

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

// The answer as JSON text: a quote is a hot path, and building QJsonObjects for it cost more than
// the rating itself.
QByteArray answer(const RatingOutcome &outcome, const QJsonObject &destination, const QHash<QString, QString> &attributes)
{
    JsonWriter out(1024);
    const auto key = [&out](const char *name) -> JsonWriter & { return out.key(QLatin1StringView(name)); };
    out.beginObject();
    key("status").value(outcome.status);
    key("priced").value(outcome.priced());
    key("reason").textOrNull(outcome.reason);
    key("attributes").beginObject();
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        out.key(QLatin1StringView(it.key().toLatin1())).value(it.value());
    out.endObject();
    if (!destination.isEmpty())
        key("destination").value(QJsonValue(destination));
    key("considered").beginArray();
    for (const ConsideredService &c : outcome.considered) {
        out.beginObject();
        key("enabledServiceId").value(c.enabledServiceId);
        key("serviceId").value(c.serviceId);
        key("serviceName").value(c.serviceName);
        key("serviceType").value(c.serviceType);
        key("outcome").value(c.outcome);
        out.endObject();
    }
    out.endArray();
    if (outcome.hasQuote) {
        const rating::QuoteResult &q = outcome.quote;
        key("enabledServiceId").value(outcome.enabledServiceId);
        key("serviceId").value(outcome.serviceId);
        key("serviceName").value(outcome.serviceName);
        key("serviceType").value(outcome.serviceType);
        key("scopeId").value(outcome.scopeId);
        key("currency").textOrNull(outcome.currency);
        key("nodeId").value(q.nodeId);
        key("path").beginArray();
        for (qsizetype i = 0; i < q.pathIds.size(); ++i) {
            out.beginObject();
            key("id").value(q.pathIds.at(i));
            key("label").value(q.pathLabels.value(i));
            out.endObject();
        }
        out.endArray();
        key("unitPrice").value(q.unitPrice.toString());
        key("quantity").value(q.quantity);
        key("amount").value(q.amount.toString());
        key("periodAdjustment").value(q.periodAdjustment.toString());
        key("billingRule").value(rating::billingRuleKey(q.billingRule));
        key("quantityRule").value(rating::quantityRuleKey(q.quantityRule));
        key("explain").value(q.explain);
        if (q.bandCount > 0) {
            key("band").value(q.band);
            key("bandCount").value(q.bandCount);
            key("bandText").value(q.bandText);
            key("scaleMode").value(rating::scaleModeKey(q.scaleMode));
            key("counterGroup").value(rating::counterGroupKey(q.counterGroup));
            key("periodVolume").value(outcome.periodVolume);
            if (outcome.period.startUtc.isValid()) {
                key("period").beginObject();
                key("start").value(outcome.period.startUtc.toString(Qt::ISODateWithMs));
                key("end").value(outcome.period.endUtc.toString(Qt::ISODateWithMs));
                out.endObject();
            }
        }
    }
    out.endObject();
    return out.take();
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
            const EntityDescriptor &agreements = EntityCatalogue::get(entities::agreements);
            if (const auto company = engine.agreementCompany(input.agreementId)) {
                EntityService::requireAccess(*session, agreements.permissionArea, AccessLevel::View);
                if (!session->mayTouchCompany(*company))
                    throw ApiException::notFound(QStringLiteral("%1 %2 does not exist").arg(agreements.singular).arg(input.agreementId));
            } else {
                entities.requireVisible(agreements, input.agreementId, *session);
            }

            ApiResponse response;
            response.body = answer(engine.rate(input), destination, attributes);
            return response;
        });
}

} // namespace backoffice::server
