#include "RateTree.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <algorithm>
#include <limits>

namespace backoffice::rating {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::rating", text);
}

bool fail(QString *error, qint64 id, const QString &message)
{
    if (error)
        *error = tr("Node %1: %2").arg(id).arg(message);
    return false;
}

// An integer that JSON may carry as a number or a numeric string (ids above 2^53 arrive as text).
std::optional<qint64> readInteger(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        const qint64 integer = value.toInteger();
        if (double(integer) != number)
            return std::nullopt;
        return integer;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 integer = value.toString().toLongLong(&ok);
        if (ok)
            return integer;
    }
    return std::nullopt;
}

template<typename Enum>
bool readEnum(const QJsonObject &object, const char *field, std::optional<Enum> (*fromKey)(QStringView), Enum *out,
              bool nullable, qint64 id, QString *error)
{
    const QJsonValue value = object.value(QLatin1StringView(field));
    if (value.isUndefined() || value.isNull()) {
        if (nullable)
            return true;
        return fail(error, id, tr("%1 is required").arg(QLatin1StringView(field)));
    }
    const std::optional<Enum> parsed = value.isString() ? fromKey(value.toString()) : std::nullopt;
    if (!parsed)
        return fail(error, id, tr("%1 has an unknown value").arg(QLatin1StringView(field)));
    *out = *parsed;
    return true;
}

bool readAmount(const QJsonValue &value, Amount *out, const QString &field, qint64 id, QString *error)
{
    QString parseError;
    const std::optional<Amount> amount = value.isString() ? Amount::parse(value.toString(), &parseError) : std::nullopt;
    if (!amount)
        return fail(error, id, tr("%1 must be a decimal string: %2").arg(field, parseError));
    *out = *amount;
    return true;
}

bool readScale(const QJsonValue &value, Scale *scale, qint64 id, QString *error)
{
    if (!value.isObject())
        return fail(error, id, tr("scale must be an object"));
    const QJsonObject object = value.toObject();
    ScaleMode mode = ScaleMode::Tier;
    if (!readEnum(object, "mode", &scaleModeFromKey, &mode, true, id, error))
        return false;
    CounterGroup group = CounterGroup::Agreement;
    if (!readEnum(object, "counterGroup", &counterGroupFromKey, &group, true, id, error))
        return false;
    scale->mode = mode;
    scale->counterGroup = group;
    const QJsonValue bands = object.value(QLatin1StringView("bands"));
    if (!bands.isUndefined() && !bands.isNull() && !bands.isArray())
        return fail(error, id, tr("scale.bands must be an array"));
    for (const QJsonValue &bandValue : bands.toArray()) {
        const QJsonObject band = bandValue.toObject();
        const std::optional<qint64> from = readInteger(band.value(QLatin1StringView("from")));
        if (!bandValue.isObject() || !from)
            return fail(error, id, tr("each scale band needs an integer \"from\""));
        ScaleBand parsed {*from, Amount()};
        if (!readAmount(band.value(QLatin1StringView("price")), &parsed.price, QStringLiteral("scale band price"), id,
                        error))
            return false;
        scale->bands.append(parsed);
    }
    return true;
}

bool readNode(const QJsonValue &value, RateNode *node, QString *error)
{
    if (!value.isObject()) {
        if (error)
            *error = tr("Every rate node must be an object");
        return false;
    }
    const QJsonObject object = value.toObject();
    const std::optional<qint64> id = readInteger(object.value(QLatin1StringView("id")));
    if (!id) {
        if (error)
            *error = tr("Every rate node needs an integer id");
        return false;
    }
    node->id = *id;
    const QJsonValue parent = object.value(QLatin1StringView("parentId"));
    if (!parent.isUndefined() && !parent.isNull()) {
        node->parentId = readInteger(parent);
        if (!node->parentId)
            return fail(error, *id, tr("parentId must be an integer or null"));
    }
    const QJsonValue position = object.value(QLatin1StringView("position"));
    if (!position.isUndefined() && !position.isNull()) {
        const std::optional<qint64> number = readInteger(position);
        if (!number || *number < 0 || *number > std::numeric_limits<int>::max())
            return fail(error, *id, tr("position must be a non-negative integer"));
        node->position = int(*number);
    }
    const QJsonValue match = object.value(QLatin1StringView("match"));
    if (!match.isUndefined() && !match.isNull() && !match.isString())
        return fail(error, *id, tr("match must be a string"));
    node->match = match.toString();
    if (!readEnum(object, "priceType", &priceTypeFromKey, &node->priceType, false, *id, error))
        return false;
    Dimension dimension = Dimension::Resource;
    const QJsonValue dimensionValue = object.value(QLatin1StringView("dimension"));
    if (!readEnum(object, "dimension", &dimensionFromKey, &dimension, true, *id, error))
        return false;
    if (!dimensionValue.isUndefined() && !dimensionValue.isNull())
        node->dimension = dimension;
    const QJsonValue price = object.value(QLatin1StringView("price"));
    if (!price.isUndefined() && !price.isNull()) {
        Amount amount;
        if (!readAmount(price, &amount, QStringLiteral("price"), *id, error))
            return false;
        node->price = amount;
    }
    const QJsonValue scale = object.value(QLatin1StringView("scale"));
    if (!scale.isUndefined() && !scale.isNull()) {
        Scale parsed;
        if (!readScale(scale, &parsed, *id, error))
            return false;
        node->scale = parsed;
    }
    return readEnum(object, "billingRule", &billingRuleFromKey, &node->billingRule, true, *id, error)
        && readEnum(object, "quantityRule", &quantityRuleFromKey, &node->quantityRule, true, *id, error);
}

QJsonValue idValue(qint64 id)
{
    // Doubles hold integers exactly up to 2^53; beyond that the id travels as text.
    constexpr qint64 exactLimit = qint64(1) << 53;
    if (id > -exactLimit && id < exactLimit)
        return QJsonValue(id);
    return QJsonValue(QString::number(id));
}

} // namespace

RateTree::RateTree(QList<RateNode> nodes)
    : m_nodes(std::move(nodes))
{
    rebuildLookups();
}

void RateTree::rebuildLookups()
{
    m_indexById.clear();
    m_childrenById.clear();
    m_roots.clear();
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_indexById.insert(m_nodes[i].id, i);
        if (m_nodes[i].parentId)
            m_childrenById[*m_nodes[i].parentId].append(i);
        else
            m_roots.append(i);
    }
    auto byPosition = [this](int a, int b) {
        const RateNode &left = m_nodes[a];
        const RateNode &right = m_nodes[b];
        return left.position != right.position ? left.position < right.position : left.id < right.id;
    };
    std::sort(m_roots.begin(), m_roots.end(), byPosition);
    for (QList<int> &list : m_childrenById)
        std::sort(list.begin(), list.end(), byPosition);
}

std::optional<RateTree> RateTree::fromJson(const QJsonArray &array, QString *error)
{
    QList<RateNode> nodes;
    nodes.reserve(array.size());
    QSet<qint64> ids;
    for (const QJsonValue &value : array) {
        RateNode node;
        if (!readNode(value, &node, error))
            return std::nullopt;
        if (ids.contains(node.id)) {
            fail(error, node.id, tr("the id is used twice"));
            return std::nullopt;
        }
        ids.insert(node.id);
        nodes.append(std::move(node));
    }
    RateTree tree(std::move(nodes));
    // Every parent must exist and every chain must reach a root within MaxDepth (no cycles).
    for (const RateNode &node : tree.m_nodes) {
        const RateNode *current = &node;
        int depth = 1;
        while (current->parentId) {
            const RateNode *parent = tree.node(*current->parentId);
            if (!parent) {
                fail(error, current->id, tr("parent %1 is not in the tree").arg(*current->parentId));
                return std::nullopt;
            }
            if (++depth > MaxDepth) {
                fail(error, node.id, tr("the tree is deeper than %1 levels or has a cycle").arg(MaxDepth));
                return std::nullopt;
            }
            current = parent;
        }
    }
    return tree;
}

std::optional<Scale> RateTree::scaleFromJson(const QJsonValue &value, QString *error)
{
    Scale scale;
    if (!readScale(value, &scale, 0, error))
        return std::nullopt;
    return scale;
}

QJsonObject RateTree::nodeToJson(const RateNode &node)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), idValue(node.id));
    object.insert(QStringLiteral("parentId"), node.parentId ? idValue(*node.parentId) : QJsonValue());
    object.insert(QStringLiteral("position"), node.position);
    object.insert(QStringLiteral("match"), node.match);
    object.insert(QStringLiteral("priceType"), priceTypeKey(node.priceType));
    object.insert(QStringLiteral("dimension"),
                  node.dimension ? QJsonValue(dimensionKey(*node.dimension)) : QJsonValue());
    object.insert(QStringLiteral("price"), node.price ? QJsonValue(node.price->toString(0)) : QJsonValue());
    if (node.scale) {
        QJsonArray bands;
        for (const ScaleBand &band : node.scale->bands)
            bands.append(QJsonObject {{QStringLiteral("from"), idValue(band.from)},
                                      {QStringLiteral("price"), band.price.toString(0)}});
        object.insert(QStringLiteral("scale"),
                      QJsonObject {{QStringLiteral("mode"), scaleModeKey(node.scale->mode)},
                                   {QStringLiteral("counterGroup"), counterGroupKey(node.scale->counterGroup)},
                                   {QStringLiteral("bands"), bands}});
    } else {
        object.insert(QStringLiteral("scale"), QJsonValue());
    }
    const auto ruleValue = [](const QString &key) { return key.isEmpty() ? QJsonValue() : QJsonValue(key); };
    object.insert(QStringLiteral("billingRule"), ruleValue(billingRuleKey(node.billingRule)));
    object.insert(QStringLiteral("quantityRule"), ruleValue(quantityRuleKey(node.quantityRule)));
    return object;
}

QJsonArray RateTree::toJson() const
{
    // Parents before children (what the store's replace() expects): a depth-first walk.
    QJsonArray array;
    QList<int> stack(m_roots.crbegin(), m_roots.crend());
    while (!stack.isEmpty()) {
        const int index = stack.takeLast();
        array.append(nodeToJson(m_nodes[index]));
        const QList<int> children = m_childrenById.value(m_nodes[index].id);
        for (auto it = children.crbegin(); it != children.crend(); ++it)
            stack.append(*it);
    }
    return array;
}

const RateNode *RateTree::node(qint64 id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &m_nodes[index];
}

const RateNode *RateTree::parent(qint64 id) const
{
    const RateNode *child = node(id);
    return child && child->parentId ? node(*child->parentId) : nullptr;
}

QList<const RateNode *> RateTree::children(std::optional<qint64> parentId) const
{
    const QList<int> indexes = parentId ? m_childrenById.value(*parentId) : m_roots;
    QList<const RateNode *> list;
    list.reserve(indexes.size());
    for (int index : indexes)
        list.append(&m_nodes[index]);
    return list;
}

QList<const RateNode *> RateTree::pathTo(qint64 id) const
{
    QList<const RateNode *> path;
    for (const RateNode *current = node(id); current && path.size() < MaxDepth; current = parent(current->id))
        path.prepend(current);
    return path;
}

QString RateTree::domainKeyOf(qint64 id) const
{
    const QList<const RateNode *> path = pathTo(id);
    return path.isEmpty() ? QString() : path.first()->match;
}

QString RateTree::resourceKeyOf(qint64 id) const
{
    const QList<const RateNode *> path = pathTo(id);
    return path.size() < 2 ? QString() : path.at(1)->match;
}

BillingRule RateTree::effectiveBillingRule(qint64 id) const
{
    for (const RateNode *current = node(id); current; current = parent(current->id)) {
        if (current->billingRule != BillingRule::Inherit)
            return current->billingRule;
    }
    return BillingRule::Submitted;
}

QuantityRule RateTree::effectiveQuantityRule(qint64 id) const
{
    for (const RateNode *current = node(id); current; current = parent(current->id)) {
        if (current->quantityRule != QuantityRule::Inherit)
            return current->quantityRule;
    }
    const ResourceInfo *resource = RatingCatalogue::resource(domainKeyOf(id), resourceKeyOf(id));
    return resource && resource->kind == ResourceKind::Fee ? QuantityRule::FullPeriod : QuantityRule::Segments;
}

bool RateTree::isBillingRuleInherited(qint64 id) const
{
    const RateNode *own = node(id);
    return own && own->billingRule == BillingRule::Inherit;
}

bool RateTree::isQuantityRuleInherited(qint64 id) const
{
    const RateNode *own = node(id);
    return own && own->quantityRule == QuantityRule::Inherit;
}

QString RateTree::billingRuleText(qint64 id) const
{
    const QString effective = billingRuleLabel(effectiveBillingRule(id));
    return isBillingRuleInherited(id) ? tr("Default (%1)").arg(effective) : effective;
}

QString RateTree::quantityRuleText(qint64 id) const
{
    const QString effective = quantityRuleLabel(effectiveQuantityRule(id));
    return isQuantityRuleInherited(id) ? tr("Default (%1)").arg(effective) : effective;
}

QString RateTree::nodeLabel(qint64 id) const
{
    const RateNode *own = node(id);
    if (!own)
        return {};
    if (own->isOthers())
        return RatingCatalogue::othersLabel();
    const RateNode *up = parent(id);
    if (!up) {
        const ServiceDomainInfo *domain = RatingCatalogue::domain(own->match);
        return domain ? domain->label : own->match;
    }
    if (!up->parentId) {
        const ResourceInfo *resource = RatingCatalogue::resource(up->match, own->match);
        return resource ? resource->label : own->match;
    }
    return up->dimension ? RatingCatalogue::valueLabel(*up->dimension, own->match) : own->match;
}

QString RateTree::traceLabel(qint64 id) const
{
    const RateNode *own = node(id);
    if (own && !own->parentId) {
        const ServiceDomainInfo *domain = RatingCatalogue::domain(own->match);
        return domain ? domain->shortLabel : own->match;
    }
    return nodeLabel(id);
}

QString RateTree::priceText(qint64 id) const
{
    const RateNode *own = node(id);
    if (!own)
        return {};
    switch (own->priceType) {
    case PriceType::Depends:
        return own->dimension ? tr("by %1").arg(RatingCatalogue::dimensionLabel(*own->dimension)) : tr("Depends on");
    case PriceType::Flat: return own->price ? tr("Flat rate: %1").arg(own->price->toString(0)) : tr("Flat rate");
    case PriceType::Scale: {
        if (!own->scale)
            return priceTypeLabel(own->priceType);
        QStringList bands;
        const QList<ScaleBand> &list = own->scale->bands;
        for (int i = 0; i < list.size(); ++i) {
            const QString upTo = i + 1 < list.size() ? QString::number(list[i + 1].from) : QStringLiteral("∞");
            bands.append(QStringLiteral("%1 (%2)").arg(list[i].price.toString(0), upTo));
        }
        return QStringLiteral("%1: %2").arg(scaleModeLabel(own->scale->mode), bands.join(QStringLiteral(", ")));
    }
    default: return priceTypeLabel(own->priceType);
    }
}

QSet<qint64> RateTree::unusableNodeIds(const QList<RateProblem> &problems)
{
    QSet<qint64> ids;
    for (const RateProblem &problem : problems) {
        if (problem.critical)
            ids.insert(problem.nodeId);
    }
    return ids;
}

} // namespace backoffice::rating
