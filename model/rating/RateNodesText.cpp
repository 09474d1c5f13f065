#include "RateNodesText.h"

#include "RateTree.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace backoffice::rating {

namespace {

void appendString(QByteArray &out, const QString &text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (byte < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00").append(hex[byte >> 4]).append(hex[byte & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void appendKey(QByteArray &out, const char *key)
{
    out.append('"').append(key).append("\":");
}

void appendTextOrNull(QByteArray &out, const QString &text)
{
    if (text.isEmpty())
        out.append("null");
    else
        appendString(out, text);
}

} // namespace

QByteArray rateNodesJsonText(const QList<RateNode> &nodes)
{
    QByteArray out;
    out.reserve(nodes.size() * 160);
    out.append('[');
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const RateNode &node = nodes[i];
        if (i > 0)
            out.append(',');
        // Keys in the order QJsonDocument writes them (sorted), so both forms read the same.
        out.append('{');
        appendKey(out, "billingRule");
        appendTextOrNull(out, billingRuleKey(node.billingRule));
        out.append(',');
        appendKey(out, "dimension");
        appendTextOrNull(out, node.dimension ? dimensionKey(*node.dimension) : QString());
        out.append(',');
        appendKey(out, "id");
        out.append(QByteArray::number(node.id));
        out.append(',');
        appendKey(out, "match");
        appendString(out, node.match);
        out.append(',');
        appendKey(out, "parentId");
        out.append(node.parentId ? QByteArray::number(*node.parentId) : QByteArrayLiteral("null"));
        out.append(',');
        appendKey(out, "position");
        out.append(QByteArray::number(node.position));
        out.append(',');
        appendKey(out, "price");
        appendTextOrNull(out, node.price ? node.price->toString(0) : QString());
        out.append(',');
        appendKey(out, "priceType");
        appendString(out, priceTypeKey(node.priceType));
        out.append(',');
        appendKey(out, "quantityRule");
        appendTextOrNull(out, quantityRuleKey(node.quantityRule));
        out.append(',');
        appendKey(out, "scale");
        // Scales are few; their form comes from the codec itself.
        out.append(node.scale ? QJsonDocument(RateTree::nodeToJson(node).value(QLatin1String("scale")).toObject())
                                    .toJson(QJsonDocument::Compact)
                              : QByteArrayLiteral("null"));
        out.append('}');
    }
    out.append(']');
    return out;
}

} // namespace backoffice::rating
