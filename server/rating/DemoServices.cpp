#include "DemoServices.h"

#include "AuditLog.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "RateTreeInput.h"
#include "RateTreeStore.h"
#include "RatingChanges.h"
#include "StorageError.h"
#include "Transaction.h"

#include <QJsonArray>
#include <QJsonObject>

namespace backoffice::server {

namespace {

// Builds a tree node by node; ids are local and negative, as a client would send them.
class TreeBuilder final
{
public:
    qint64 add(qint64 parent, const char *match, const char *priceType, const char *detail = nullptr)
    {
        const qint64 id = --m_next;
        QJsonObject node{{QStringLiteral("id"), id},
                         {QStringLiteral("parentId"), parent == 0 ? QJsonValue() : QJsonValue(parent)},
                         {QStringLiteral("position"), m_positions[parent]++},
                         {QStringLiteral("match"), QString::fromUtf8(match)},
                         {QStringLiteral("priceType"), QString::fromLatin1(priceType)}};
        const QString value = detail ? QString::fromLatin1(detail) : QString();
        if (QLatin1String(priceType) == QLatin1String("depends"))
            node.insert(QStringLiteral("dimension"), value);
        else if (QLatin1String(priceType) == QLatin1String("flat"))
            node.insert(QStringLiteral("price"), value);
        m_nodes.append(node);
        return id;
    }
    qint64 addTiers(qint64 parent, const char *match, QList<QPair<int, const char *>> bands, const char *mode = "tier",
                    const char *counterGroup = "agreement")
    {
        const qint64 id = add(parent, match, "scale");
        QJsonArray list;
        for (const auto &[from, price] : bands)
            list.append(QJsonObject{{QStringLiteral("from"), from}, {QStringLiteral("price"), QString::fromLatin1(price)}});
        QJsonObject node = m_nodes.last().toObject();
        node.insert(QStringLiteral("scale"), QJsonObject{{QStringLiteral("mode"), QString::fromLatin1(mode)},
                                                         {QStringLiteral("counterGroup"), QString::fromLatin1(counterGroup)},
                                                         {QStringLiteral("bands"), list}});
        m_nodes.replace(m_nodes.size() - 1, node);
        return id;
    }
    void setRules(qint64 id, const char *billing, const char *quantity)
    {
        for (qsizetype i = 0; i < m_nodes.size(); ++i) {
            QJsonObject node = m_nodes.at(i).toObject();
            if (node.value(QLatin1String("id")).toInteger() != id)
                continue;
            node.insert(QStringLiteral("billingRule"), QString::fromLatin1(billing));
            node.insert(QStringLiteral("quantityRule"), QString::fromLatin1(quantity));
            m_nodes.replace(i, node);
        }
    }
    const QJsonArray &nodes() const { return m_nodes; }

private:
    qint64 m_next = 0;
    QHash<qint64, int> m_positions;
    QJsonArray m_nodes;
};

// The staff manual's SMS example (§7.3.3), plus two German networks and a UK flat rate.
QJsonArray smsTree()
{
    TreeBuilder t;
    const qint64 sms = t.add(0, "sms", "depends", "resource");
    const qint64 message = t.add(sms, "sms-message", "depends", "direction");
    t.setRules(message, "submitted", "segments");
    t.add(message, "mo", "free");
    const qint64 mt = t.add(message, "mt", "depends", "country");
    const qint64 spain = t.add(mt, "ES", "depends", "network");
    t.add(spain, "Vodafone", "flat", "0.04");
    t.addTiers(spain, "DIGI mobil", {{0, "0.005"}, {1000, "0.004"}}, "tier", "senderId");
    t.add(spain, "*", "flat", "0.08");
    const qint64 germany = t.add(mt, "DE", "depends", "network");
    t.add(germany, "Telekom", "flat", "0.065");
    t.add(germany, "Vodafone", "flat", "0.07");
    t.add(germany, "*", "flat", "0.075");
    t.add(mt, "GB", "flat", "0.035");
    t.addTiers(mt, "*", {{0, "0.05"}, {10000, "0.04"}, {50000, "0.03"}});
    const qint64 setup = t.add(sms, "sender-id-setup-fee", "depends", "mno");
    t.add(setup, "Vodafone", "flat", "50");
    const qint64 usage = t.add(sms, "sender-id-usage-fee", "depends", "mno");
    t.add(usage, "Vodafone", "flat", "10");
    t.add(usage, "DIGI mobil", "flat", "15");
    return t.nodes();
}

QJsonArray whatsappTree()
{
    TreeBuilder t;
    const qint64 whatsapp = t.add(0, "whatsapp", "depends", "resource");
    const qint64 message = t.add(whatsapp, "whatsapp-message", "depends", "country");
    t.setRules(message, "delivered", "messages");
    const qint64 argentina = t.add(message, "AR", "depends", "pricingCategory");
    t.add(argentina, "marketing", "flat", "0.0618");
    t.add(argentina, "utility", "flat", "0.026");
    t.add(argentina, "authentication", "flat", "0.026");
    t.add(argentina, "service", "free");
    t.add(message, "*", "blocked");
    return t.nodes();
}

QJsonArray rcsTree()
{
    TreeBuilder t;
    const qint64 rcs = t.add(0, "rcs", "depends", "resource");
    const qint64 message = t.add(rcs, "rcs-message", "depends", "messageType");
    t.setRules(message, "delivered", "messages");
    t.add(message, "basic", "flat", "0.01");
    t.add(message, "single", "flat", "0.02");
    t.add(message, "conversation", "flat", "0.05");
    return t.nodes();
}

// BO §7.4: what additional fees "by tariff" are priced by, one rate per additional service's name.
QJsonArray additionalServicesTree()
{
    TreeBuilder t;
    const qint64 domain = t.add(0, "additional-service", "depends", "resource");
    const qint64 fee = t.add(domain, "additional-service-fee", "depends", "additionalService");
    t.add(fee, "Dedicated support hour", "flat", "5");
    t.add(fee, "Sender ID registration paperwork", "flat", "25");
    t.add(fee, "Custom report", "flat", "40");
    return t.nodes();
}

QJsonArray packTree()
{
    TreeBuilder t;
    const qint64 sms = t.add(0, "sms", "depends", "resource");
    const qint64 message = t.add(sms, "sms-message", "depends", "direction");
    t.add(message, "mt", "included");
    t.add(message, "mo", "notIncluded");
    return t.nodes();
}

// BO §7.3.7: the bundle initiator says which traffic is bundle traffic (SMS), the bundle pack holds
// 100 members, and a pay-as-you-go service prices the pack (100 EUR) and each member over it (0.2).
QJsonArray bundleInitiatorTree()
{
    TreeBuilder t;
    const qint64 sms = t.add(0, "sms", "depends", "resource");
    t.add(sms, "sms-message", "included");
    return t.nodes();
}

QJsonArray bundlePackTree()
{
    TreeBuilder t;
    const qint64 grouping = t.add(0, "bundle-grouping", "depends", "resource");
    t.add(grouping, "bundle-member", "included");
    return t.nodes();
}

QJsonArray bundlePriceTree()
{
    TreeBuilder t;
    const qint64 purchase = t.add(0, "service-purchase", "depends", "resource");
    const qint64 bundlePack = t.add(purchase, "bundle-pack", "depends", "pack");
    t.add(bundlePack, "Bundle_2_pack", "flat", "100");
    const qint64 grouping = t.add(0, "bundle-grouping", "depends", "resource");
    t.add(grouping, "bundle-member", "flat", "0.2");
    return t.nodes();
}

} // namespace

void seedDemoServices(EntityService &entities, QSqlDatabase db, const SessionContext &session,
                      const QList<DemoAgreement> &agreements)
{
    struct Plan {
        QJsonObject service;
        QJsonArray tree;
    };
    auto plan = [](const char *name, const char *type, const char *currency, const char *zone, QJsonArray tree) {
        QJsonObject service{{QStringLiteral("name"), QString::fromUtf8(name)},
                            {QStringLiteral("type"), QString::fromLatin1(type)},
                            {QStringLiteral("timeZone"), QString::fromLatin1(zone)}};
        if (currency)
            service.insert(QStringLiteral("currency"), QString::fromLatin1(currency));
        else
            service.insert(QStringLiteral("units"), QString::fromUtf8(name).startsWith(QLatin1String("Bundle")) ? 100 : 1000);
        return Plan{service, std::move(tree)};
    };
    const QList<Plan> plans{plan("SMS Global", "payg", "EUR", "Europe/Madrid", smsTree()),
                            plan("SMS Global USD", "payg", "USD", "America/New_York", smsTree()),
                            plan("WhatsApp Business", "payg", "USD", "America/Argentina/Buenos_Aires", whatsappTree()),
                            plan("RCS Europe", "payg", "EUR", "Europe/Berlin", rcsTree()),
                            plan("Additional services", "payg", "EUR", "Europe/Madrid", additionalServicesTree()),
                            plan("1,000 SMS pack", "unitPack", nullptr, "UTC", packTree()),
                            plan("Bundle_1", "bundleInitiator", "EUR", "UTC", bundleInitiatorTree()),
                            plan("Bundle_2_pack", "bundlePack", nullptr, "UTC", bundlePackTree()),
                            plan("Bundle_price", "payg", "EUR", "UTC", bundlePriceTree())};
    const int year = QDate::currentDate().year();
    QHash<QString, qint64> serviceIds; // by name
    for (const Plan &p : plans) {
        const QJsonObject service = entities.create(EntityCatalogue::get(entities::services), p.service, session);
        serviceIds.insert(p.service.value(QLatin1String("name")).toString(), service.value(QLatin1String("id")).toInteger());
        const QJsonObject scope = entities.create(
            EntityCatalogue::get(entities::serviceScopes),
            {{QStringLiteral("serviceId"), service.value(QLatin1String("id"))},
             {QStringLiteral("effectiveFrom"), QStringLiteral("%1-01-01T00:00:00").arg(year - 1)}},
            session);
        QHash<QString, QString> errors;
        const QJsonArray ordered = readRateTreeInput(p.tree, errors);
        if (!errors.isEmpty())
            throw StorageError(QStringLiteral("demo rate tree of %1 is malformed: %2")
                                   .arg(p.service.value(QLatin1String("name")).toString(), errors.begin().value()));
        const qint64 scopeId = scope.value(QLatin1String("id")).toInteger();
        RateTreeStore store(db);
        Transaction transaction(db);
        store.replace(scopeId, ordered);
        AuditLog(db).record({QDateTime::currentDateTimeUtc(), session.actor, QStringLiteral("rate_nodes"),
                             QStringLiteral("update"), scopeId, {}, {{QStringLiteral("nodes"), store.load(scopeId)}},
                             std::nullopt});
        transaction.commit();
        RatingChanges::changed(scopeId);
    }

    const EntityDescriptor &enabled = EntityCatalogue::get(entities::enabledServices);
    const QString since = QStringLiteral("%1-01-01T00:00:00").arg(year - 1);
    const QString packFrom = QDate::currentDate().addMonths(-1).toString(Qt::ISODate) + QStringLiteral("T00:00:00");
    auto enable = [&](const DemoAgreement &agreement, const char *service, const QString &from, const char *billing) {
        QJsonObject record{{QStringLiteral("agreementId"), agreement.id},
                           {QStringLiteral("serviceId"), serviceIds.value(QString::fromUtf8(service))},
                           {QStringLiteral("effectiveFrom"), from},
                           {QStringLiteral("effectiveFromZone"), agreement.zone}};
        if (billing)
            record.insert(QStringLiteral("billing"), QString::fromLatin1(billing));
        entities.create(enabled, record, session);
    };
    int euroAgreements = 0;
    bool bundled = false;
    for (const DemoAgreement &agreement : agreements) {
        if (agreement.currency == QLatin1String("EUR")) {
            enable(agreement, "SMS Global", since, nullptr);
            enable(agreement, "RCS Europe", since, nullptr);
            enable(agreement, "Additional services", since, nullptr);
            if (euroAgreements++ % 3 == 0) {
                enable(agreement, "1,000 SMS pack", packFrom, "free");
            } else if (!bundled && agreement.id != agreements.value(2).id) {
                // One agreement on the bundle of §7.3.7 (not the demo API key's: its traffic stays on plain prices).
                enable(agreement, "Bundle_price", since, nullptr);
                enable(agreement, "Bundle_1", packFrom, nullptr);
                enable(agreement, "Bundle_2_pack", packFrom, "charge");
                bundled = true;
            }
        } else if (agreement.currency == QLatin1String("USD")) {
            enable(agreement, "SMS Global USD", since, nullptr);
            enable(agreement, "WhatsApp Business", since, nullptr);
        }
    }
}

} // namespace backoffice::server
