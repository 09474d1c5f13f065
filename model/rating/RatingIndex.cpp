#include "RatingIndex.h"

#include "ScalePricing.h"

#include <QCoreApplication>

namespace backoffice::rating {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::rating", text);
}

bool fail(RateDecision *decision, QuoteStatus status)
{
    decision->status = status;
    return false;
}

} // namespace

RatingIndex::RatingIndex(RateTree tree)
    : m_tree(std::move(tree))
{
    build();
}

void RatingIndex::build()
{
    m_problems = m_tree.validate();
    const QSet<qint64> unusable = RateTree::unusableNodeIds(m_problems);
    const QList<RateNode> &nodes = m_tree.nodes();
    QHash<qint64, qint32> entryById;
    entryById.reserve(nodes.size());
    m_entries.resize(nodes.size());
    for (qint32 i = 0; i < nodes.size(); ++i) {
        const RateNode &node = nodes[i];
        Entry &entry = m_entries[i];
        entryById.insert(node.id, i);
        entry.id = node.id;
        entry.priceType = node.priceType;
        entry.dimension = node.dimension.value_or(Dimension::Resource);
        entry.usable = !unusable.contains(node.id);
        if (node.priceType == PriceType::Flat && node.price)
            entry.price = *node.price;
        if (node.priceType == PriceType::Scale && node.scale) {
            entry.scale = qint32(m_scales.size());
            m_scales.append(*node.scale);
        }
        entry.hasChildren = node.priceType == PriceType::Depends;
    }

    // Children into their parent's map, and the effective rules from the top down: a node's rule is
    // its own, else the one resolved for its parent; the defaults are applied at the resource level,
    // where the kind of resource (message or fee) is known.
    struct Pending {
        qint32 entry;
        BillingRule billing; // Inherit while no ancestor set one
        QuantityRule quantity; // Inherit while no ancestor set one
        ResourceKind kind;
    };
    m_children.reserve(nodes.size());
    QList<Pending> stack;
    for (const RateNode *root : m_tree.children(std::nullopt)) {
        const qint32 index = entryById.value(root->id);
        m_roots.insert(root->match, index);
        stack.append({index, root->billingRule, root->quantityRule, ResourceKind::Message});
    }
    while (!stack.isEmpty()) {
        const Pending current = stack.takeLast();
        const RateNode &node = nodes[current.entry];
        Entry &entry = m_entries[current.entry];
        entry.billingRule = current.billing == BillingRule::Inherit ? BillingRule::Submitted : current.billing;
        const QuantityRule defaultQuantity
            = current.kind == ResourceKind::Fee ? QuantityRule::FullPeriod : QuantityRule::Segments;
        entry.quantityRule = current.quantity == QuantityRule::Inherit ? defaultQuantity : current.quantity;
        for (const RateNode *child : m_tree.children(node.id)) {
            const qint32 childIndex = entryById.value(child->id);
            if (entry.hasChildren) {
                if (child->isOthers())
                    entry.others = childIndex;
                else
                    m_children.insert(current.entry, child->match, childIndex);
            }
            ResourceKind kind = current.kind;
            if (!node.parentId) {
                const ResourceInfo *resource = RatingCatalogue::resource(node.match, child->match);
                kind = resource ? resource->kind : ResourceKind::Message;
            }
            stack.append({childIndex, child->billingRule != BillingRule::Inherit ? child->billingRule : current.billing,
                          child->quantityRule != QuantityRule::Inherit ? child->quantityRule : current.quantity, kind});
        }
    }
}

RateDecision RatingIndex::rate(const QuoteRequest &request) const
{
    RateDecision decision;
    qint32 current = m_roots.value(request.domain, -1);
    if (current < 0) {
        decision.status = QuoteStatus::NoRate;
        return decision;
    }
    while (decision.depth < RateTree::MaxDepth) {
        const Entry &entry = m_entries[current];
        decision.path[decision.depth++] = current;
        decision.nodeId = entry.id;
        decision.billingRule = entry.billingRule;
        decision.quantityRule = entry.quantityRule;
        if (!entry.usable) {
            decision.status = QuoteStatus::Unusable;
            return decision;
        }
        if (entry.priceType != PriceType::Depends) {
            price(entry, request, &decision);
            return decision;
        }
        const QString &value
            = entry.dimension == Dimension::Resource ? request.resource : request.attribute(entry.dimension);
        qint32 next = m_children.find(current, value);
        if (next < 0)
            next = entry.others;
        if (next < 0) {
            decision.status = QuoteStatus::NoRate;
            decision.unmatched = entry.dimension;
            return decision;
        }
        current = next;
    }
    decision.status = QuoteStatus::Unusable; // deeper than MaxDepth: fromJson refuses such trees
    return decision;
}

void RatingIndex::price(const Entry &entry, const QuoteRequest &request, RateDecision *decision) const
{
    switch (entry.priceType) {
    case PriceType::Blocked: fail(decision, QuoteStatus::Blocked); return;
    case PriceType::NotIncluded: fail(decision, QuoteStatus::NotIncluded); return;
    default: break;
    }
    if (request.messages < 0 || request.segments < 0 || request.periodVolume < 0) {
        fail(decision, QuoteStatus::InvalidInput);
        return;
    }
    switch (decision->quantityRule) {
    case QuantityRule::Messages: decision->quantity = request.messages; break;
    case QuantityRule::Segments: decision->quantity = request.segments; break;
    default: decision->quantity = 1; break; // a fee: one charge for the whole period
    }
    switch (entry.priceType) {
    case PriceType::Free: decision->status = QuoteStatus::Free; return;
    case PriceType::Included: decision->status = QuoteStatus::Included; return;
    case PriceType::Flat:
        decision->unitPrice = entry.price;
        decision->status = Amount::multiply(entry.price, decision->quantity, &decision->amount)
            ? QuoteStatus::Ok
            : QuoteStatus::InvalidInput;
        return;
    default: break;
    }
    // A scale.
    const Scale &scale = m_scales[entry.scale];
    decision->scaleMode = scale.mode;
    decision->counterGroup = scale.counterGroup;
    const qint64 before = request.volumeSource ? request.volumeSource->periodVolume(entry.id, scale.counterGroup)
                                               : request.periodVolume;
    qint64 after = 0;
    if (before < 0 || __builtin_add_overflow(before, decision->quantity, &after)) {
        fail(decision, QuoteStatus::InvalidInput);
        return;
    }
    const int reached = ScalePricing::bandIndexReached(scale.bands, after);
    decision->band = reached + 1;
    decision->bandCount = int(scale.bands.size());
    decision->unitPrice = scale.bands[reached].price;
    const bool ok = scale.mode == ScaleMode::Tier
        ? ScalePricing::tierAmount(scale.bands, before, decision->quantity, &decision->amount)
        : ScalePricing::backToFirstCharge(scale.bands, before, decision->quantity, &decision->amount,
                                          &decision->periodAdjustment);
    decision->status = ok ? QuoteStatus::Ok : QuoteStatus::InvalidInput;
}

QuoteResult RatingIndex::quote(const QuoteRequest &request) const
{
    return describe(rate(request));
}

QuoteResult RatingIndex::describe(const RateDecision &decision) const
{
    QuoteResult result;
    result.status = decision.status;
    result.unitPrice = decision.unitPrice;
    result.quantity = decision.quantity;
    result.amount = decision.amount;
    result.periodAdjustment = decision.periodAdjustment;
    result.billingRule = decision.billingRule;
    result.quantityRule = decision.quantityRule;
    result.band = decision.band;
    result.bandCount = decision.bandCount;
    result.scaleMode = decision.scaleMode;
    result.counterGroup = decision.counterGroup;
    result.nodeId = decision.nodeId;
    for (int i = 0; i < decision.depth; ++i) {
        const qint64 id = m_entries[decision.path[i]].id;
        result.pathIds.append(id);
        result.pathLabels.append(m_tree.traceLabel(id));
    }
    if (decision.band > 0)
        result.bandText = tr("tier %1 of %2").arg(decision.band).arg(decision.bandCount);

    QString outcome;
    switch (decision.status) {
    case QuoteStatus::Ok:
        outcome = decision.band > 0 ? QStringLiteral("%1, %2").arg(result.bandText, decision.unitPrice.toString(0))
                                    : tr("flat %1").arg(decision.unitPrice.toString(0));
        break;
    case QuoteStatus::Blocked: outcome = tr("blocked"); break;
    case QuoteStatus::NoRate:
        outcome = decision.depth == 0
            ? tr("no service domain")
            : tr("no rate for this %1 and no Others").arg(RatingCatalogue::dimensionLabel(decision.unmatched));
        break;
    case QuoteStatus::NotIncluded: outcome = tr("not included, rate looked up elsewhere"); break;
    case QuoteStatus::Included: outcome = tr("included"); break;
    case QuoteStatus::Free: outcome = tr("free"); break;
    case QuoteStatus::Unusable: outcome = tr("missing critical data, rate unusable"); break;
    case QuoteStatus::InvalidInput: outcome = tr("invalid quantity or amount out of range"); break;
    }
    result.explain = result.pathLabels.isEmpty()
        ? outcome
        : result.pathLabels.join(QStringLiteral(" → ")) + QStringLiteral(": ") + outcome;
    return result;
}

} // namespace backoffice::rating
