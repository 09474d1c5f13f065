#pragma once

// Rate trees of the staff manual's worked examples (§7.3.3 SMS, §7.3.4 WhatsApp, §7.3.5 RCS),
// written in the JSON form the server stores, so the tests exercise the codec as well.

#include "RateTree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPair>
#include <optional>

namespace backoffice::rating::fixtures {

using Bands = QList<QPair<qint64, const char *>>;

class TreeBuilder final
{
public:
    qint64 node(std::optional<qint64> parent, const QString &match, const char *priceType, QJsonObject extra = {})
    {
        const qint64 id = m_nextId++;
        extra.insert(QStringLiteral("id"), id);
        extra.insert(QStringLiteral("parentId"), parent ? QJsonValue(*parent) : QJsonValue());
        extra.insert(QStringLiteral("position"), m_position++);
        extra.insert(QStringLiteral("match"), match);
        extra.insert(QStringLiteral("priceType"), QLatin1StringView(priceType));
        m_nodes.append(extra);
        return id;
    }
    qint64 domain(const char *key) { return depends(std::nullopt, QLatin1StringView(key), "resource"); }
    qint64 depends(std::optional<qint64> parent, const QString &match, const char *dimension,
                   const char *billing = nullptr, const char *quantity = nullptr)
    {
        QJsonObject extra {{QStringLiteral("dimension"), QLatin1StringView(dimension)}};
        if (billing)
            extra.insert(QStringLiteral("billingRule"), QLatin1StringView(billing));
        if (quantity)
            extra.insert(QStringLiteral("quantityRule"), QLatin1StringView(quantity));
        return node(parent, match, "depends", extra);
    }
    qint64 flat(qint64 parent, const QString &match, const char *price)
    {
        return node(parent, match, "flat", {{QStringLiteral("price"), QLatin1StringView(price)}});
    }
    qint64 scale(qint64 parent, const QString &match, const char *mode, const char *group, const Bands &bands)
    {
        QJsonArray list;
        for (const auto &[from, price] : bands)
            list.append(
                QJsonObject {{QStringLiteral("from"), from}, {QStringLiteral("price"), QLatin1StringView(price)}});
        return node(parent, match, "scale",
                    {{QStringLiteral("scale"),
                      QJsonObject {{QStringLiteral("mode"), QLatin1StringView(mode)},
                                   {QStringLiteral("counterGroup"), QLatin1StringView(group)},
                                   {QStringLiteral("bands"), list}}}});
    }
    const QJsonArray &json() const { return m_nodes; }
    RateTree tree() const
    {
        QString error;
        const std::optional<RateTree> tree = RateTree::fromJson(m_nodes, &error);
        if (!tree)
            qFatal("fixture tree refused: %s", qPrintable(error));
        return *tree;
    }

private:
    QJsonArray m_nodes;
    qint64 m_nextId = 1;
    int m_position = 0;
};

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// §7.3.3: MO free; MT Spain by network (Vodafone flat, DIGI tier by sender ID, rest flat);
// rest of the world a three-band tier; sender ID fees by MNO. Where the manual's procedure and its
// list of requirements differ (who pays the 50 EUR setup fee) the requirements are followed: DIGI.
inline TreeBuilder smsSpain()
{
    TreeBuilder b;
    const qint64 sms = b.domain("sms");
    const qint64 message = b.depends(sms, s("sms-message"), "direction", "submitted", "segments");
    b.node(message, s("mo"), "free");
    const qint64 mt = b.depends(message, s("mt"), "country");
    const qint64 spain = b.depends(mt, s("ES"), "network");
    b.flat(spain, s("Vodafone Spain"), "0.04");
    b.scale(spain, s("DIGI mobil"), "tier", "senderId", {{0, "0.005"}, {1000, "0.004"}});
    b.flat(spain, s("*"), "0.08");
    b.scale(mt, s("*"), "tier", "agreement", {{0, "0.05"}, {10000, "0.04"}, {50000, "0.03"}});
    const qint64 setup = b.depends(sms, s("sender-id-setup-fee"), "mno");
    b.flat(setup, s("DIGI mobil"), "50");
    const qint64 usage = b.depends(sms, s("sender-id-usage-fee"), "mno", nullptr, "fullPeriod");
    b.flat(usage, s("Vodafone Spain"), "10");
    b.flat(usage, s("DIGI mobil"), "15");
    return b;
}

// §7.3.4: WhatsApp by region, pricing category and pricing type; Argentina and Egypt's utility.
inline TreeBuilder whatsapp()
{
    TreeBuilder b;
    const qint64 wa = b.domain("whatsapp");
    const qint64 message = b.depends(wa, s("whatsapp-message"), "whatsappRegion", "submitted", "messages");
    const qint64 ar = b.depends(message, s("AR"), "pricingCategory");
    const qint64 auth = b.depends(ar, s("authentication"), "pricingType");
    b.scale(auth, s("regular"), "tier", "agreement",
            {{0, "0.0289"},
             {120000, "0.0275"},
             {400000, "0.0260"},
             {1000000, "0.0246"},
             {5000000, "0.0231"},
             {10000000, "0.0217"}});
    const qint64 utility = b.depends(ar, s("utility"), "pricingType");
    b.scale(utility, s("regular"), "tier", "agreement",
            {{0, "0.0289"},
             {100000, "0.0275"},
             {1000000, "0.0260"},
             {4500000, "0.0246"},
             {15000000, "0.0231"},
             {30000000, "0.0217"}});
    const qint64 international = b.depends(ar, s("authentication-international"), "pricingType");
    b.flat(international, s("regular"), "0.0280");
    const qint64 marketing = b.depends(ar, s("marketing"), "pricingType");
    b.flat(marketing, s("regular"), "0.0618");
    b.node(ar, s("service"), "free");
    b.node(ar, s("*"), "free");
    const qint64 eg = b.depends(message, s("EG"), "pricingCategory");
    b.scale(eg, s("utility"), "tier", "agreement",
            {{0, "0.0052"},
             {100000, "0.0049"},
             {1000000, "0.0047"},
             {4500000, "0.0044"},
             {40000000, "0.00421"},
             {80000000, "0.0039"}});
    return b;
}

// §7.3.5: RCS by message type (billing event), then country; billed on delivery, per message.
inline TreeBuilder rcs()
{
    TreeBuilder b;
    const qint64 root = b.domain("rcs");
    const qint64 message = b.depends(root, s("rcs-message"), "messageType", "delivered", "messages");
    const struct {
        const char *type;
        const char *es, *it, *fr;
    } rows[] = {{"basic", "0.04", "0.05", "0.034"},
                {"conversation", "0.08", "0.088", "0.09"},
                {"single", "0.93", "0.089", "1"}};
    for (const auto &row : rows) {
        const qint64 type = b.depends(message, s(row.type), "country");
        b.flat(type, s("ES"), row.es);
        b.flat(type, s("IT"), row.it);
        b.flat(type, s("FR"), row.fr);
    }
    b.flat(message, s("*"), "1.5");
    return b;
}

} // namespace backoffice::rating::fixtures
