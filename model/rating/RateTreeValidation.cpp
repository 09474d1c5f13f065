#include "RateTree.h"

#include <QCoreApplication>

// RateTree::validate() lives apart from the codec and lookups: the rules grow with the editor.

namespace backoffice::rating {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::rating", text);
}

class Validator final
{
public:
    explicit Validator(const RateTree &tree)
        : m_tree(tree)
    { }

    QList<RateProblem> run()
    {
        checkSiblings(std::nullopt);
        for (const RateNode &node : m_tree.nodes()) {
            checkPlace(node);
            checkPrice(node);
            checkSiblings(node.id);
        }
        return m_problems;
    }

private:
    void add(const RateNode &node, const char *field, const QString &message, bool critical = true)
    {
        m_problems.append({node.id, QLatin1StringView(field), message, critical});
    }

    // Where the node sits: roots are known domains branching on resource, their children known
    // resources, and values under a closed dimension must be among its values.
    void checkPlace(const RateNode &node)
    {
        if (node.match.isEmpty()) {
            add(node, "match", tr("The attribute value is missing"));
            return;
        }
        const RateNode *parent = m_tree.parent(node.id);
        if (!parent) {
            if (!RatingCatalogue::domain(node.match))
                add(node, "match", tr("\"%1\" is not a service domain").arg(node.match));
            if (node.priceType != PriceType::Depends || node.dimension != Dimension::Resource)
                add(node, "priceType", tr("A service domain must depend on Resource"));
            return;
        }
        if (!parent->parentId) {
            if (!RatingCatalogue::resource(parent->match, node.match))
                add(node, "match", tr("\"%1\" is not a resource of %2").arg(node.match, parent->match));
            return;
        }
        if (!parent->dimension || node.isOthers())
            return;
        if (RatingCatalogue::isClosedDimension(*parent->dimension)
            && RatingCatalogue::valueLabel(*parent->dimension, node.match) == node.match)
            add(node, "match",
                tr("\"%1\" is not a value of %2").arg(node.match, RatingCatalogue::dimensionLabel(*parent->dimension)));
    }

    void checkPrice(const RateNode &node)
    {
        if (node.dimension && node.priceType != PriceType::Depends)
            add(node, "dimension", tr("A dimension only applies to \"Depends on\"; it is ignored"), false);
        if (node.priceType != PriceType::Depends && !m_tree.children(node.id).isEmpty())
            add(node, "children", tr("Nodes below a node that depends on nothing are never reached"), false);
        switch (node.priceType) {
        case PriceType::Depends:
            if (!node.dimension)
                add(node, "dimension", tr("\"Depends on\" needs a dimension"));
            else if (*node.dimension == Dimension::Resource && node.parentId)
                add(node, "dimension", tr("Only a service domain depends on Resource"));
            if (m_tree.children(node.id).isEmpty())
                add(node, "children", tr("No rates below this node yet"), false);
            break;
        case PriceType::Flat:
            if (!node.price)
                add(node, "price", tr("A flat rate needs a price"));
            else if (node.price->isNegative())
                add(node, "price", tr("The price must not be negative"));
            break;
        case PriceType::Scale: checkScale(node); break;
        default: break;
        }
    }

    void checkScale(const RateNode &node)
    {
        if (!node.scale || node.scale->bands.isEmpty()) {
            add(node, "scale.bands", tr("A scale needs at least one band"));
            return;
        }
        const QList<ScaleBand> &bands = node.scale->bands;
        if (bands.first().from != 0)
            add(node, "scale.bands", tr("The first band must start at 0"));
        for (int i = 1; i < bands.size(); ++i) {
            if (bands[i].from <= bands[i - 1].from) {
                add(node, "scale.bands", tr("Band thresholds must increase"));
                break;
            }
        }
        for (const ScaleBand &band : bands) {
            if (band.price.isNegative()) {
                add(node, "scale.bands", tr("The price must not be negative"));
                break;
            }
        }
    }

    // Among siblings a value may appear once, and so may Others: otherwise the match is ambiguous
    // and every node involved is unusable.
    void checkSiblings(std::optional<qint64> parentId)
    {
        const QList<const RateNode *> siblings = m_tree.children(parentId);
        QHash<QString, int> counts;
        for (const RateNode *sibling : siblings)
            ++counts[sibling->match];
        for (const RateNode *sibling : siblings) {
            if (sibling->match.isEmpty() || counts.value(sibling->match) < 2)
                continue;
            add(*sibling, "match",
                sibling->isOthers() ? tr("Two \"Others\" under the same node")
                                    : tr("\"%1\" appears twice under the same node").arg(sibling->match));
        }
    }

    const RateTree &m_tree;
    QList<RateProblem> m_problems;
};

} // namespace

QList<RateProblem> RateTree::validate() const
{
    return Validator(*this).run();
}

} // namespace backoffice::rating
