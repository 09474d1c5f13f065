#include "RateTreeModel.h"

#include "RatingCatalogue.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QStyle>
#include <QUndoCommand>
#include <QUndoStack>
#include <algorithm>

namespace backoffice::views {

using namespace backoffice::rating;

namespace {

// Changes one node's own values (match, price type, price, scale, rules).
class ChangeNodeCommand final : public QUndoCommand
{
public:
    ChangeNodeCommand(RateTreeModel *model, RateNode before, RateNode after, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_before(std::move(before))
        , m_after(std::move(after))
    { }
    void redo() override { m_model->applyNode(m_after); }
    void undo() override { m_model->applyNode(m_before); }

private:
    RateTreeModel *m_model;
    RateNode m_before;
    RateNode m_after;
};

// Adds a subtree (redo) or removes it (undo); RemoveSubtreeCommand is the same the other way round.
class InsertSubtreeCommand final : public QUndoCommand
{
public:
    InsertSubtreeCommand(RateTreeModel *model, std::optional<qint64> parentId, int row, QList<RateNode> nodes,
                         const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_parentId(parentId)
        , m_row(row)
        , m_nodes(std::move(nodes))
    { }
    void redo() override { m_model->insertSubtree(m_parentId, m_row, m_nodes); }
    void undo() override
    {
        int row = 0;
        m_model->takeSubtree(m_nodes.first().id, &row);
    }

private:
    RateTreeModel *m_model;
    std::optional<qint64> m_parentId;
    int m_row;
    QList<RateNode> m_nodes;
};

class RemoveSubtreeCommand final : public QUndoCommand
{
public:
    RemoveSubtreeCommand(RateTreeModel *model, qint64 id, const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_id(id)
        , m_parentId(model->parentOf(id))
    { }
    void redo() override { m_nodes = m_model->takeSubtree(m_id, &m_row); }
    void undo() override { m_model->insertSubtree(m_parentId, m_row, m_nodes); }

private:
    RateTreeModel *m_model;
    qint64 m_id;
    std::optional<qint64> m_parentId;
    int m_row = 0;
    QList<RateNode> m_nodes;
};

QString scaleSummary(const Scale &scale)
{
    QStringList bands;
    for (const ScaleBand &band : scale.bands)
        bands << QStringLiteral("%1 (from %2)").arg(band.price.toString(0)).arg(band.from);
    return QStringLiteral("%1: %2").arg(scaleModeLabel(scale.mode), bands.join(QStringLiteral(", ")));
}

} // namespace

RateTreeModel::RateTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void RateTreeModel::setNodes(const QList<RateNode> &nodes)
{
    beginResetModel();
    m_entries.clear();
    m_roots.clear();
    m_problems.clear();
    m_entries.reserve(nodes.size());
    for (const RateNode &node : nodes)
        m_entries.insert(node.id, Entry {node, {}, 0});
    // Children ordered by position then id, as the server orders them.
    QList<const RateNode *> ordered;
    ordered.reserve(nodes.size());
    for (const RateNode &node : nodes)
        ordered << &node;
    std::sort(ordered.begin(), ordered.end(), [](const RateNode *a, const RateNode *b) {
        return a->position != b->position ? a->position < b->position : a->id < b->id;
    });
    for (const RateNode *node : std::as_const(ordered)) {
        if (node->parentId && m_entries.contains(*node->parentId)) {
            QList<qint64> &list = m_entries[*node->parentId].children;
            m_entries[node->id].row = int(list.size());
            list << node->id;
        } else {
            m_entries[node->id].row = int(m_roots.size());
            m_roots << node->id;
        }
    }
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const QString text = computeProblem(it.value());
        if (!text.isEmpty())
            m_problems.insert(it.key(), text);
    }
    m_nextNewId = -1;
    endResetModel();
    if (m_undo)
        m_undo->clear();
    emit problemsChanged(problemCount());
}

bool RateTreeModel::loadJson(const QJsonArray &nodes, QString *error)
{
    std::optional<RateTree> tree = RateTree::fromJson(nodes, error);
    if (!tree)
        return false;
    setNodes(tree->nodes());
    return true;
}

QJsonArray RateTreeModel::toJson() const
{
    QJsonArray out;
    QList<qint64> stack(m_roots.crbegin(), m_roots.crend());
    while (!stack.isEmpty()) {
        const qint64 id = stack.takeLast();
        const Entry &entry = m_entries[id];
        RateNode node = entry.node;
        node.position = entry.row;
        out.append(RateTree::nodeToJson(node));
        for (auto it = entry.children.crbegin(); it != entry.children.crend(); ++it)
            stack << *it;
    }
    return out;
}

const RateNode *RateTreeModel::node(qint64 id) const
{
    auto it = m_entries.constFind(id);
    return it == m_entries.cend() ? nullptr : &it->node;
}

qint64 RateTreeModel::nodeId(const QModelIndex &index) const
{
    return index.isValid() ? qint64(index.internalId()) : 0;
}

QModelIndex RateTreeModel::indexOf(qint64 id, int column) const
{
    auto it = m_entries.constFind(id);
    if (it == m_entries.cend())
        return {};
    return createIndex(it->row, column, quintptr(id));
}

std::optional<qint64> RateTreeModel::parentOf(qint64 id) const
{
    const RateNode *n = node(id);
    return n ? n->parentId : std::nullopt;
}

QList<qint64> RateTreeModel::childrenOf(std::optional<qint64> parentId) const
{
    return childList(parentId);
}

QList<qint64> &RateTreeModel::childList(std::optional<qint64> parentId)
{
    return parentId ? m_entries[*parentId].children : m_roots;
}

const QList<qint64> &RateTreeModel::childList(std::optional<qint64> parentId) const
{
    static const QList<qint64> none;
    if (!parentId)
        return m_roots;
    auto it = m_entries.constFind(*parentId);
    return it == m_entries.cend() ? none : it->children;
}

QString RateTreeModel::domainOf(qint64 id) const
{
    const RateNode *n = node(id);
    while (n && n->parentId)
        n = node(*n->parentId);
    return n ? n->match : QString();
}

QString RateTreeModel::resourceOf(qint64 id) const
{
    const RateNode *n = node(id);
    const RateNode *below = nullptr;
    while (n && n->parentId) {
        below = n;
        n = node(*n->parentId);
    }
    return below ? below->match : QString();
}

QString RateTreeModel::label(qint64 id) const
{
    const RateNode *n = node(id);
    if (!n)
        return {};
    if (!n->parentId) {
        const ServiceDomainInfo *domain = RatingCatalogue::domain(n->match);
        return domain ? domain->label : n->match;
    }
    const RateNode *parent = node(*n->parentId);
    if (parent && !parent->parentId) {
        if (const ResourceInfo *resource = RatingCatalogue::resource(parent->match, n->match))
            return resource->label;
    }
    if (n->isOthers())
        return RatingCatalogue::othersLabel();
    if (parent && parent->dimension)
        return RatingCatalogue::valueLabel(*parent->dimension, n->match);
    return n->match;
}

QString RateTreeModel::computeProblem(const Entry &entry) const
{
    const RateNode &n = entry.node;
    if (n.match.isEmpty())
        return tr("The attribute value is missing");
    if (!n.parentId) {
        if (!RatingCatalogue::domain(n.match))
            return tr("\"%1\" is not a service domain").arg(n.match);
        if (n.priceType != PriceType::Depends || n.dimension != Dimension::Resource)
            return tr("A service domain must depend on Resource");
    } else if (const RateNode *parent = node(*n.parentId)) {
        // The same place checks as the engine's validation, for this node only.
        if (!parent->parentId && !RatingCatalogue::resource(parent->match, n.match))
            return tr("\"%1\" is not a resource of %2").arg(n.match, parent->match);
        if (parent->parentId && parent->dimension && !n.isOthers()
            && RatingCatalogue::isClosedDimension(*parent->dimension)
            && RatingCatalogue::valueLabel(*parent->dimension, n.match) == n.match)
            return tr("\"%1\" is not a value of %2").arg(n.match, RatingCatalogue::dimensionLabel(*parent->dimension));
    }
    switch (n.priceType) {
    case PriceType::Depends:
        if (!n.dimension)
            return tr("\"Depends on\" needs a dimension");
        if (entry.children.isEmpty())
            return tr("\"Depends on\" needs at least one value below it");
        break;
    case PriceType::Flat:
        if (!n.price)
            return tr("The flat rate has no price");
        break;
    case PriceType::Scale:
        if (!n.scale || n.scale->bands.isEmpty())
            return tr("The scale has no bands");
        break;
    default: break;
    }
    return {};
}

void RateTreeModel::updateProblem(qint64 id)
{
    auto it = m_entries.constFind(id);
    if (it == m_entries.cend())
        return;
    const QString text = computeProblem(*it);
    const bool had = m_problems.contains(id);
    if (text.isEmpty())
        m_problems.remove(id);
    else
        m_problems.insert(id, text);
    if (had != !text.isEmpty())
        emit problemsChanged(problemCount());
    const QModelIndex first = indexOf(id, ResourceColumn);
    emit dataChanged(first, first, {Qt::DecorationRole, Qt::ToolTipRole, ProblemRole});
}

QString RateTreeModel::problem(qint64 id) const
{
    return m_problems.value(id);
}

int RateTreeModel::problemCount() const
{
    return int(m_problems.size());
}

BillingRule RateTreeModel::effectiveBilling(qint64 id, bool *inherited) const
{
    *inherited = false;
    for (const RateNode *n = node(id); n; n = n->parentId ? node(*n->parentId) : nullptr) {
        if (n->billingRule != BillingRule::Inherit)
            return n->billingRule;
        *inherited = true;
    }
    *inherited = true;
    return BillingRule::Submitted;
}

QuantityRule RateTreeModel::effectiveQuantity(qint64 id, bool *inherited) const
{
    *inherited = false;
    for (const RateNode *n = node(id); n; n = n->parentId ? node(*n->parentId) : nullptr) {
        if (n->quantityRule != QuantityRule::Inherit)
            return n->quantityRule;
        *inherited = true;
    }
    *inherited = true;
    const ResourceInfo *resource = RatingCatalogue::resource(domainOf(id), resourceOf(id));
    return resource && resource->kind == ResourceKind::Fee ? QuantityRule::FullPeriod : QuantityRule::Segments;
}

QString RateTreeModel::billingText(qint64 id) const
{
    bool inherited = false;
    const QString text = billingRuleLabel(effectiveBilling(id, &inherited));
    return inherited ? tr("Default (%1)").arg(text) : text;
}

QString RateTreeModel::quantityText(qint64 id) const
{
    bool inherited = false;
    const QString text = quantityRuleLabel(effectiveQuantity(id, &inherited));
    return inherited ? tr("Default (%1)").arg(text) : text;
}

QString RateTreeModel::priceTypeText(const RateNode &n) const
{
    if (n.priceType == PriceType::Depends)
        return n.dimension ? tr("by %1").arg(RatingCatalogue::dimensionLabel(*n.dimension)) : tr("Depends on…");
    return priceTypeLabel(n.priceType);
}

QString RateTreeModel::priceText(const RateNode &n) const
{
    if (n.priceType == PriceType::Flat)
        return n.price ? n.price->toString(0) : QString();
    if (n.priceType == PriceType::Scale)
        return n.scale ? scaleSummary(*n.scale) : QString();
    return {};
}

QList<QPair<QString, QString>> RateTreeModel::matchChoices(std::optional<qint64> parentId) const
{
    QList<QPair<QString, QString>> all;
    const RateNode *parent = parentId ? node(*parentId) : nullptr;
    if (!parent) {
        for (const ServiceDomainInfo &domain : RatingCatalogue::domains())
            all.append({domain.key, domain.label});
    } else if (!parent->parentId) {
        if (const ServiceDomainInfo *domain = RatingCatalogue::domain(parent->match)) {
            for (const ResourceInfo &resource : domain->resources)
                all.append({resource.key, resource.label});
        }
    } else if (parent->dimension) {
        for (const DimensionValueInfo &value : RatingCatalogue::dimensionValues(*parent->dimension))
            all.append({value.key, value.label});
    }
    if (parent)
        all.append({RateNode::othersMatch(), RatingCatalogue::othersLabel()});
    QSet<QString> taken;
    for (qint64 sibling : childList(parentId))
        taken.insert(m_entries[sibling].node.match);
    QList<QPair<QString, QString>> free;
    for (const auto &choice : std::as_const(all)) {
        if (!taken.contains(choice.first))
            free << choice;
    }
    return free;
}

QList<qint64> RateTreeModel::findNodes(const QString &text) const
{
    QList<qint64> found;
    if (text.isEmpty())
        return found;
    QList<qint64> stack(m_roots.crbegin(), m_roots.crend());
    while (!stack.isEmpty()) {
        const qint64 id = stack.takeLast();
        const Entry &entry = m_entries[id];
        if (entry.node.match.contains(text, Qt::CaseInsensitive) || label(id).contains(text, Qt::CaseInsensitive))
            found << id;
        for (auto it = entry.children.crbegin(); it != entry.children.crend(); ++it)
            stack << *it;
    }
    return found;
}

void RateTreeModel::setHighlight(const QString &text)
{
    // Only the rows on screen ask for data again when the view repaints; no signal over 100k rows.
    m_highlight = text;
}

qint64 RateTreeModel::addNode(std::optional<qint64> parentId, int row, const RateNode &prototype)
{
    RateNode created = prototype;
    created.id = m_nextNewId--;
    created.parentId = parentId;
    if (m_undo)
        m_undo->push(new InsertSubtreeCommand(this, parentId, row, {created}, tr("Add %1").arg(created.match)));
    else
        insertSubtree(parentId, row, {created});
    return created.id;
}

void RateTreeModel::changeNode(const RateNode &changed, const QString &description)
{
    const RateNode *current = node(changed.id);
    if (!current || *current == changed)
        return;
    if (m_undo)
        m_undo->push(new ChangeNodeCommand(this, *current, changed, description));
    else
        applyNode(changed);
}

void RateTreeModel::removeNode(qint64 id)
{
    if (!node(id))
        return;
    if (m_undo)
        m_undo->push(new RemoveSubtreeCommand(this, id, tr("Delete %1").arg(label(id))));
    else {
        int row = 0;
        takeSubtree(id, &row);
    }
}

void RateTreeModel::emitRulesChanged(qint64 id)
{
    // Descendants that inherit show the new rule: one signal per parent whose children inherit.
    QList<qint64> stack {id};
    while (!stack.isEmpty()) {
        const Entry &entry = m_entries[stack.takeLast()];
        if (entry.children.isEmpty())
            continue;
        emit dataChanged(indexOf(entry.children.first(), BillingColumn), indexOf(entry.children.last(), QuantityColumn),
                         {Qt::DisplayRole});
        for (qint64 child : entry.children) {
            const RateNode &n = m_entries[child].node;
            if (n.billingRule == BillingRule::Inherit || n.quantityRule == QuantityRule::Inherit)
                stack << child;
        }
    }
}

void RateTreeModel::applyNode(const RateNode &changed)
{
    auto it = m_entries.find(changed.id);
    if (it == m_entries.end())
        return;
    const bool rulesChanged
        = it->node.billingRule != changed.billingRule || it->node.quantityRule != changed.quantityRule;
    const bool placeChanged = it->node.dimension != changed.dimension || it->node.match != changed.match;
    const std::optional<qint64> parentId = it->node.parentId;
    it->node = changed;
    it->node.parentId = parentId;
    updateProblem(changed.id);
    emit dataChanged(indexOf(changed.id, ResourceColumn), indexOf(changed.id, QuantityColumn));
    if (rulesChanged)
        emitRulesChanged(changed.id);
    // The children's values are checked against this node's dimension (and a domain's resources).
    if (placeChanged) {
        const QList<qint64> children = m_entries.value(changed.id).children;
        for (qint64 child : children)
            updateProblem(child);
    }
}

void RateTreeModel::renumber(std::optional<qint64> parentId, int from)
{
    const QList<qint64> &list = childList(parentId);
    for (int i = from; i < list.size(); ++i)
        m_entries[list[i]].row = i;
}

void RateTreeModel::insertSubtree(std::optional<qint64> parentId, int row, const QList<RateNode> &nodes)
{
    if (nodes.isEmpty())
        return;
    row = std::clamp(row, 0, int(childList(parentId).size()));
    beginInsertRows(parentId ? indexOf(*parentId) : QModelIndex(), row, row);
    // nodes come root first, then pre-order: children lists fill in order.
    for (const RateNode &n : nodes)
        m_entries.insert(n.id, Entry {n, {}, 0});
    m_entries[nodes.first().id].node.parentId = parentId;
    for (int i = 1; i < nodes.size(); ++i) {
        Entry &parent = m_entries[*nodes[i].parentId];
        m_entries[nodes[i].id].row = int(parent.children.size());
        parent.children << nodes[i].id;
    }
    childList(parentId).insert(row, nodes.first().id);
    renumber(parentId, row);
    for (const RateNode &n : nodes) {
        const QString text = computeProblem(m_entries[n.id]);
        if (!text.isEmpty())
            m_problems.insert(n.id, text);
    }
    endInsertRows();
    if (parentId)
        updateProblem(*parentId);
    emit problemsChanged(problemCount());
}

QList<RateNode> RateTreeModel::takeSubtree(qint64 id, int *row)
{
    QList<RateNode> taken;
    auto it = m_entries.constFind(id);
    if (it == m_entries.cend())
        return taken;
    const std::optional<qint64> parentId = it->node.parentId;
    *row = it->row;
    beginRemoveRows(parentId ? indexOf(*parentId) : QModelIndex(), *row, *row);
    QList<qint64> stack {id};
    while (!stack.isEmpty()) {
        const Entry entry = m_entries.take(stack.takeLast());
        RateNode n = entry.node;
        n.position = entry.row;
        taken << n;
        m_problems.remove(n.id);
        for (auto child = entry.children.crbegin(); child != entry.children.crend(); ++child)
            stack << *child;
    }
    childList(parentId).removeAt(*row);
    renumber(parentId, *row);
    endRemoveRows();
    if (parentId)
        updateProblem(*parentId);
    emit problemsChanged(problemCount());
    return taken;
}

QModelIndex RateTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<qint64> &list = childList(parent.isValid() ? std::optional<qint64>(nodeId(parent)) : std::nullopt);
    if (row >= list.size())
        return {};
    return createIndex(row, column, quintptr(list[row]));
}

QModelIndex RateTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const RateNode *n = node(nodeId(child));
    if (!n || !n->parentId)
        return {};
    return indexOf(*n->parentId);
}

int RateTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childList(parent.isValid() ? std::optional<qint64>(nodeId(parent)) : std::nullopt).size());
}

int RateTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool RateTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant RateTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const qint64 id = nodeId(index);
    const RateNode *n = node(id);
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ResourceColumn: return label(id);
        case PriceTypeColumn: return priceTypeText(*n);
        case PriceColumn: return priceText(*n);
        case BillingColumn: return billingText(id);
        case QuantityColumn: return quantityText(id);
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case ResourceColumn: return n->match;
        case PriceTypeColumn:
            return n->priceType == PriceType::Depends && n->dimension
                ? QStringLiteral("depends:%1").arg(dimensionKey(*n->dimension))
                : priceTypeKey(n->priceType);
        case PriceColumn: return n->price ? n->price->toString(0) : QString();
        case BillingColumn: return billingRuleKey(n->billingRule);
        case QuantityColumn: return quantityRuleKey(n->quantityRule);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == ResourceColumn && m_problems.contains(id))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        break;
    case Qt::ToolTipRole:
        if (index.column() == ResourceColumn && m_problems.contains(id))
            return tr("Missing critical data: %1").arg(m_problems.value(id));
        if (index.column() == ResourceColumn)
            return n->match;
        break;
    case Qt::ForegroundRole:
        if ((index.column() == BillingColumn && n->billingRule == BillingRule::Inherit)
            || (index.column() == QuantityColumn && n->quantityRule == QuantityRule::Inherit))
            return QBrush(QColor(0x75, 0x75, 0x75));
        break;
    case Qt::BackgroundRole:
        if (index.column() == ResourceColumn && !m_highlight.isEmpty()
            && (n->match.contains(m_highlight, Qt::CaseInsensitive)
                || label(id).contains(m_highlight, Qt::CaseInsensitive)))
            return QBrush(QColor(0xff, 0xf1, 0x76));
        break;
    case NodeIdRole: return id;
    case ProblemRole: return m_problems.value(id);
    case MatchRole: return n->match;
    }
    return {};
}

bool RateTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || m_readOnly)
        return false;
    const RateNode *current = node(nodeId(index));
    if (!current)
        return false;
    RateNode changed = *current;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case ResourceColumn:
        if (text.isEmpty())
            return false;
        changed.match = text;
        break;
    case PriceTypeColumn: {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        const std::optional<PriceType> type
            = priceTypeFromKey(colon < 0 ? QStringView(text) : QStringView(text).left(colon));
        if (!type)
            return false;
        changed.priceType = *type;
        changed.dimension.reset();
        if (*type == PriceType::Depends) {
            if (colon < 0)
                return false;
            changed.dimension = dimensionFromKey(QStringView(text).mid(colon + 1));
            if (!changed.dimension)
                return false;
        }
        if (*type != PriceType::Flat)
            changed.price.reset();
        if (*type != PriceType::Scale)
            changed.scale.reset();
        else if (!changed.scale)
            changed.scale = Scale {};
        break;
    }
    case PriceColumn: {
        if (changed.priceType != PriceType::Flat)
            return false;
        if (text.isEmpty()) {
            changed.price.reset();
            break;
        }
        const std::optional<Amount> price = Amount::parse(text);
        if (!price || price->isNegative())
            return false;
        changed.price = price;
        break;
    }
    case BillingColumn: {
        const std::optional<BillingRule> rule
            = text.isEmpty() ? std::optional<BillingRule>(BillingRule::Inherit) : billingRuleFromKey(text);
        if (!rule)
            return false;
        changed.billingRule = *rule;
        break;
    }
    case QuantityColumn: {
        const std::optional<QuantityRule> rule
            = text.isEmpty() ? std::optional<QuantityRule>(QuantityRule::Inherit) : quantityRuleFromKey(text);
        if (!rule)
            return false;
        changed.quantityRule = *rule;
        break;
    }
    default: return false;
    }
    changeNode(changed, tr("Change %1").arg(headerData(index.column(), Qt::Horizontal).toString()));
    return true;
}

Qt::ItemFlags RateTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_readOnly)
        return result;
    const RateNode *n = node(nodeId(index));
    if (!n)
        return result;
    const bool editable = index.column() != PriceColumn || n->priceType == PriceType::Flat;
    return editable ? result | Qt::ItemIsEditable : result;
}

QVariant RateTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ResourceColumn: return tr("Resources");
    case PriceTypeColumn: return tr("Price type");
    case PriceColumn: return tr("Price");
    case BillingColumn: return tr("Billing rule");
    case QuantityColumn: return tr("Quantity rule");
    }
    return {};
}

} // namespace backoffice::views
