#pragma once

// The benchmarks' big rate tree: SMS → SMS message → MT by country (250 countries "C000"…) → by
// MCC/MNC (400 per country), flat prices: 100,000 leaves, 100,253 nodes, new ids negative.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace backoffice::bench {

constexpr int Countries = 250;
constexpr int NetworksPerCountry = 400; // 100,000 leaves

inline QString country(int c) { return QStringLiteral("C%1").arg(c, 3, 10, QLatin1Char('0')); }
inline QString mccmnc(int c, int n) { return QString::number(200000 + c * 1000 + n); }

inline QJsonArray bigTree()
{
    QJsonArray nodes;
    qint64 next = 0;
    auto add = [&](qint64 parent, const QString &match, QJsonObject detail) {
        detail.insert(QStringLiteral("id"), --next);
        detail.insert(QStringLiteral("parentId"), parent == 0 ? QJsonValue() : QJsonValue(parent));
        detail.insert(QStringLiteral("match"), match);
        detail.insert(QStringLiteral("position"), 0);
        nodes.append(detail);
        return next;
    };
    auto depends = [](const char *dimension) {
        return QJsonObject{{QStringLiteral("priceType"), QStringLiteral("depends")},
                           {QStringLiteral("dimension"), QString::fromLatin1(dimension)}};
    };
    const qint64 sms = add(0, QStringLiteral("sms"), depends("resource"));
    const qint64 message = add(sms, QStringLiteral("sms-message"), depends("direction"));
    const qint64 mt = add(message, QStringLiteral("mt"), depends("country"));
    for (int c = 0; c < Countries; ++c) {
        const qint64 node = add(mt, country(c), depends("mccmnc"));
        for (int n = 0; n < NetworksPerCountry; ++n)
            add(node, mccmnc(c, n),
                {{QStringLiteral("priceType"), QStringLiteral("flat")},
                 {QStringLiteral("price"), QStringLiteral("0.%1").arg(1000 + (c * 7 + n) % 9000, 6, 10, QLatin1Char('0'))}});
    }
    return nodes;
}

} // namespace backoffice::bench
