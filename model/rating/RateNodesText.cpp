#include "RateNodesText.h"

#include "JsonWriter.h"
#include "RateTree.h"

namespace backoffice::rating {

QByteArray rateNodesJsonText(const QList<RateNode> &nodes)
{
    JsonWriter out(nodes.size() * 160);
    out.beginArray();
    for (const RateNode &node : nodes) {
        // Keys in the order QJsonDocument writes them (sorted), so both forms read the same.
        out.beginObject();
        out.key(QLatin1StringView("billingRule")).textOrNull(billingRuleKey(node.billingRule));
        out.key(QLatin1StringView("dimension")).textOrNull(node.dimension ? dimensionKey(*node.dimension) : QString());
        out.key(QLatin1StringView("id")).value(node.id);
        out.key(QLatin1StringView("match")).value(node.match);
        out.key(QLatin1StringView("parentId"));
        node.parentId ? out.value(*node.parentId) : out.null();
        out.key(QLatin1StringView("position")).value(node.position);
        out.key(QLatin1StringView("price")).textOrNull(node.price ? node.price->toString(0) : QString());
        out.key(QLatin1StringView("priceType")).value(priceTypeKey(node.priceType));
        out.key(QLatin1StringView("quantityRule")).textOrNull(quantityRuleKey(node.quantityRule));
        // Scales are few; their form comes from the codec itself.
        out.key(QLatin1StringView("scale"));
        node.scale ? out.value(RateTree::nodeToJson(node).value(QLatin1String("scale"))) : out.null();
        out.endObject();
    }
    out.endArray();
    return out.take();
}

} // namespace backoffice::rating
