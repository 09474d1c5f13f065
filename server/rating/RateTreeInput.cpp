#include "RateTreeInput.h"

#include "Amount.h"

#include <QJsonObject>
#include <QSet>

namespace backoffice::server {

namespace {

const QStringList priceTypes{QStringLiteral("depends"), QStringLiteral("flat"), QStringLiteral("scale"), QStringLiteral("free"),
                             QStringLiteral("included"), QStringLiteral("notIncluded"), QStringLiteral("blocked")};
const QStringList dimensions{QStringLiteral("resource"), QStringLiteral("direction"), QStringLiteral("country"),
                             QStringLiteral("network"), QStringLiteral("mcc"), QStringLiteral("mccmnc"), QStringLiteral("mno"),
                             QStringLiteral("senderIdType"), QStringLiteral("periodicity"), QStringLiteral("whatsappRegion"),
                             QStringLiteral("pricingCategory"), QStringLiteral("pricingType"), QStringLiteral("messageType"),
                             QStringLiteral("pack"), QStringLiteral("additionalService")};
const QStringList billingRules{QStringLiteral("submitted"), QStringLiteral("delivered")};
const QStringList quantityRules{QStringLiteral("messages"), QStringLiteral("segments"), QStringLiteral("fullPeriod")};

QString checkOptionalKey(const QJsonValue &value, const QStringList &allowed)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (!value.isString() || !allowed.contains(value.toString()))
        return QStringLiteral("must be one of: ") + allowed.join(QStringLiteral(", "));
    return {};
}

QString checkScale(const QJsonValue &value)
{
    if (!value.isObject())
        return QStringLiteral("must be an object with mode, counterGroup and bands");
    const QJsonObject scale = value.toObject();
    const QString mode = scale.value(QLatin1String("mode")).toString();
    if (mode != QLatin1String("tier") && mode != QLatin1String("backToFirst"))
        return QStringLiteral("mode must be tier or backToFirst");
    const QJsonValue group = scale.value(QLatin1String("counterGroup"));
    if (!group.isUndefined() && !group.isNull() && group.toString() != QLatin1String("agreement")
        && group.toString() != QLatin1String("senderId"))
        return QStringLiteral("counterGroup must be agreement or senderId");
    const QJsonValue bands = scale.value(QLatin1String("bands"));
    if (!bands.isArray())
        return QStringLiteral("bands must be a list");
    for (const QJsonValue &band : bands.toArray()) {
        const QJsonObject b = band.toObject();
        if (!b.value(QLatin1String("from")).isDouble() || b.value(QLatin1String("from")).toDouble() < 0)
            return QStringLiteral("every band needs a threshold \"from\" of 0 or more");
        if (!Amount::parse(b.value(QLatin1String("price")).toString()))
            return QStringLiteral("every band needs an exact price such as \"0.004\"");
    }
    return {};
}

} // namespace

QJsonArray readRateTreeInput(const QJsonArray &nodes, QHash<QString, QString> &errors)
{
    QHash<qint64, QJsonObject> byId;
    QHash<qint64, int> indexOf;
    for (int i = 0; i < nodes.size(); ++i) {
        const QString at = QStringLiteral("nodes[%1].").arg(i);
        const QJsonObject node = nodes.at(i).toObject();
        const QJsonValue id = node.value(QLatin1String("id"));
        if (!id.isDouble() || id.toDouble() != static_cast<double>(id.toInteger())) {
            errors.insert(at + QStringLiteral("id"), QStringLiteral("must be a whole number"));
            continue;
        }
        if (byId.contains(id.toInteger())) {
            errors.insert(at + QStringLiteral("id"), QStringLiteral("is used by two nodes"));
            continue;
        }
        if (node.value(QLatin1String("match")).toString().trimmed().isEmpty())
            errors.insert(at + QStringLiteral("match"), QStringLiteral("is required"));
        const QString priceType = node.value(QLatin1String("priceType")).toString();
        if (!priceTypes.contains(priceType))
            errors.insert(at + QStringLiteral("priceType"), QStringLiteral("must be one of: ") + priceTypes.join(QStringLiteral(", ")));
        if (const QString problem = checkOptionalKey(node.value(QLatin1String("dimension")), dimensions); !problem.isEmpty())
            errors.insert(at + QStringLiteral("dimension"), problem);
        if (const QString problem = checkOptionalKey(node.value(QLatin1String("billingRule")), billingRules); !problem.isEmpty())
            errors.insert(at + QStringLiteral("billingRule"), problem);
        if (const QString problem = checkOptionalKey(node.value(QLatin1String("quantityRule")), quantityRules); !problem.isEmpty())
            errors.insert(at + QStringLiteral("quantityRule"), problem);
        const QJsonValue price = node.value(QLatin1String("price"));
        if (!price.isNull() && !price.isUndefined()) {
            QString problem;
            const auto amount = Amount::parse(price.toString(), &problem);
            if (!price.isString() || !amount || amount->isNegative())
                errors.insert(at + QStringLiteral("price"), problem.isEmpty() ? QStringLiteral("must be an exact, non-negative price such as \"0.004\"") : problem);
        }
        const QJsonValue scale = node.value(QLatin1String("scale"));
        if (!scale.isNull() && !scale.isUndefined()) {
            if (const QString problem = checkScale(scale); !problem.isEmpty())
                errors.insert(at + QStringLiteral("scale"), problem);
        }
        byId.insert(id.toInteger(), node);
        indexOf.insert(id.toInteger(), i);
    }
    // Parents first: walk from the roots down; whatever is never reached has a missing parent or a cycle.
    QHash<qint64, QList<qint64>> children;
    QList<qint64> roots;
    for (auto it = byId.begin(); it != byId.end(); ++it) {
        const QJsonValue parent = it->value(QLatin1String("parentId"));
        if (parent.isNull() || parent.isUndefined())
            roots << it.key();
        else if (!byId.contains(parent.toInteger()))
            errors.insert(QStringLiteral("nodes[%1].parentId").arg(indexOf.value(it.key())), QStringLiteral("names no node of this tree"));
        else
            children[parent.toInteger()] << it.key();
    }
    std::sort(roots.begin(), roots.end(), [&](qint64 a, qint64 b) { return indexOf.value(a) < indexOf.value(b); });
    QJsonArray ordered;
    QList<qint64> queue = roots;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        ordered.append(byId.value(queue.at(i)));
        QList<qint64> kids = children.value(queue.at(i));
        std::sort(kids.begin(), kids.end(), [&](qint64 a, qint64 b) { return indexOf.value(a) < indexOf.value(b); });
        queue << kids;
    }
    if (errors.isEmpty() && ordered.size() != byId.size())
        errors.insert(QStringLiteral("nodes"), QStringLiteral("the parents of some nodes form a cycle"));
    return ordered;
}

} // namespace backoffice::server
