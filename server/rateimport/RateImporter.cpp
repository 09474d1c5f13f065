#include "RateImporter.h"

#include "DimensionDictionary.h"
#include "Dictionaries.h"
#include "ImportMerge.h"
#include "ImportTreeDiff.h"
#include "MobileNetworks.h"
#include "RatingCatalogue.h"
#include "SheetReader.h"

#include <algorithm>

namespace backoffice::server::rateimport {

using rating::Dimension;
using rating::PriceType;
using rating::RateNode;

namespace {

QString levelName(Dimension dimension)
{
    return rating::RatingCatalogue::dimensionLabel(dimension);
}

QString columnTitle(const ColumnSetting &column)
{
    QString what;
    switch (column.role) {
    case ColumnRole::Attribute: what = levelName(column.dimension); break;
    case ColumnRole::Price: what = QStringLiteral("Price"); break;
    case ColumnRole::PriceType: what = QStringLiteral("Price type"); break;
    case ColumnRole::BillingRule: what = QStringLiteral("Billing rule"); break;
    case ColumnRole::QuantityRule: what = QStringLiteral("Quantity rule"); break;
    case ColumnRole::Tier: what = QStringLiteral("Tier"); break;
    case ColumnRole::Ignore: break;
    }
    return QStringLiteral("Column %1 (%2)").arg(spreadsheet::columnName(column.column), what);
}

QString joinedPath(const QStringList &path)
{
    return path.join(QChar(0x1f));
}

// "1 row", "3 rows": counts in messages.
QString counted(qint64 n, const char *one, const char *many)
{
    return QString::number(n) + u' ' + QLatin1String(n == 1 ? one : many);
}

bool isUnderstood(MatchHow how)
{
    return how != MatchHow::None && how != MatchHow::Empty;
}

} // namespace

RateImporter::RateImporter(const QList<QStringList> &rows, ImportFormat format, const ImportSettings &settings,
                           const rating::RateTree &tree, qint64 nodeId)
    : m_rows(rows), m_format(format), m_settings(settings), m_tree(tree), m_nodeId(nodeId)
{
}

RateImporter::~RateImporter() = default;

QList<Dimension> RateImporter::derivableFrom(const QList<Dimension> &declared)
{
    QList<Dimension> derivable;
    const auto offer = [&](Dimension dimension) {
        if (!declared.contains(dimension) && !derivable.contains(dimension))
            derivable.append(dimension);
    };
    if (declared.contains(Dimension::MccMnc)) {
        offer(Dimension::Country);
        offer(Dimension::Mcc);
        offer(Dimension::Network);
    }
    if (declared.contains(Dimension::Mcc))
        offer(Dimension::Country);
    return derivable;
}

ImportAnalysis RateImporter::analyse()
{
    m_analysis = {};
    m_analysis.nodeId = m_nodeId;
    checkSettings();
    for (const ColumnSetting &column : m_settings.columns)
        m_resolvers.push_back(std::make_unique<ColumnResolver>(column));
    if (m_analysis.blockingCount == 0) {
        readRows();
        reportColumns();
        finishLeaves();
        if (m_analysis.blockingCount == 0)
            buildNodes();
    } else {
        // Still show what the declared columns hold, so the user sees the mapping while fixing the rest.
        readRows();
        reportColumns();
    }
    return std::move(m_analysis);
}

void RateImporter::checkSettings()
{
    QList<Dimension> declared;
    for (const ColumnSetting &column : m_settings.columns)
        if (column.role == ColumnRole::Attribute)
            declared.append(column.dimension);
    if (declared.isEmpty())
        m_analysis.addProblem(0, 0, QStringLiteral("No attribute column is set, you need to set at least one"), true);
    if (!m_settings.columnWithRole(ColumnRole::Price))
        m_analysis.addProblem(0, 0, QStringLiteral("No Price column is set"), true);
    if (m_format == ImportFormat::WhatsappTier && !m_settings.columnWithRole(ColumnRole::Tier))
        m_analysis.addProblem(0, 0, QStringLiteral("No Tier column is set: the WhatsApp tier format needs one"), true);

    m_levels = m_settings.structure.isEmpty() ? declared : m_settings.structure;
    const QList<Dimension> derivable = derivableFrom(declared);
    for (Dimension dimension : declared) {
        if (!m_levels.contains(dimension))
            m_analysis.addProblem(0, m_settings.attributeColumn(dimension)->column,
                                  QStringLiteral("%1 is declared by a column but missing from the tree structure")
                                      .arg(levelName(dimension)),
                                  true);
    }
    for (Dimension dimension : std::as_const(m_levels)) {
        if (!declared.contains(dimension) && !derivable.contains(dimension))
            m_analysis.addProblem(0, 0,
                                  QStringLiteral("The level %1 has no column and cannot be derived from the declared ones")
                                      .arg(levelName(dimension)),
                                  true);
    }
    for (Dimension dimension : derivable)
        if (!m_levels.contains(dimension))
            m_analysis.derivable.append(dimension);
    m_analysis.structure = m_levels;
    if (m_format == ImportFormat::WhatsappBasic)
        m_levels.append(Dimension::PricingCategory);

    const int depth = int(m_tree.pathTo(m_nodeId).size());
    if (depth + m_levels.size() > rating::RateTree::MaxDepth)
        m_analysis.addProblem(0, 0,
                              QStringLiteral("The tree would be %1 levels deep; at most %2 are allowed")
                                  .arg(depth + m_levels.size())
                                  .arg(rating::RateTree::MaxDepth),
                              true);
    const rating::RateNode *node = m_tree.node(m_nodeId);
    if (m_settings.mode == ImportMode::Merge && node && node->priceType == PriceType::Depends && node->dimension
        && !m_tree.children(m_nodeId).isEmpty() && !m_levels.isEmpty() && *node->dimension != m_levels.first())
        m_analysis.addProblem(0, 0,
                              QStringLiteral("The node depends on %1, the sheet's first level is %2: merging needs the same "
                                             "first level (or replace the branch)")
                                  .arg(levelName(*node->dimension), levelName(m_levels.first())),
                              true);
    if (m_settings.startRow > m_rows.size())
        m_analysis.addProblem(m_settings.startRow, 0,
                              QStringLiteral("Start row %1 is past the last row of the sheet (%2)")
                                  .arg(m_settings.startRow)
                                  .arg(m_rows.size()),
                              true);
}

void RateImporter::readRows()
{
    for (qsizetype r = m_settings.startRow - 1; r < m_rows.size(); ++r) {
        if (!readRow(r + 1, m_rows[r]))
            ++m_analysis.skippedRows;
    }
}

// Reads one sheet row into zero or more leaves. False when the row is skipped (blank, or no price).
bool RateImporter::readRow(qint64 rowNumber, const QStringList &cells)
{
    std::vector<ResolvedText *> resolved(m_resolvers.size(), nullptr);
    bool anyText = false;
    for (std::size_t c = 0; c < m_resolvers.size(); ++c) {
        const int index = m_resolvers[c]->setting().column - 1;
        if (index < cells.size() && !cells[index].trimmed().isEmpty())
            anyText = true;
    }
    if (!anyText)
        return false;
    for (std::size_t c = 0; c < m_resolvers.size(); ++c) {
        const int index = m_resolvers[c]->setting().column - 1;
        resolved[c] = &m_resolvers[c]->resolve(index < cells.size() ? cells[index].trimmed() : QString(), rowNumber);
    }
    const auto byRole = [&](ColumnRole role) -> ResolvedText * {
        for (std::size_t c = 0; c < m_resolvers.size(); ++c)
            if (m_resolvers[c]->setting().role == role)
                return resolved[c];
        return nullptr;
    };

    // The leaves this row gives: one per price column (several only in WhatsApp basic).
    struct Priced {
        ResolvedText *price;
        QString category;
    };
    QList<Priced> prices;
    for (std::size_t c = 0; c < m_resolvers.size(); ++c)
        if (m_resolvers[c]->setting().role == ColumnRole::Price)
            prices.append({resolved[c], m_resolvers[c]->setting().pricingCategory});
    ResolvedText *typeCell = byRole(ColumnRole::PriceType);
    // Flat unless the price type column says otherwise for this row.
    const PriceType columnType = typeCell && isUnderstood(typeCell->how)
        ? rating::priceTypeFromKey(typeCell->value).value_or(PriceType::Flat)
        : PriceType::Flat;
    const bool needsPrice = columnType == PriceType::Flat;
    const bool anyPrice = std::any_of(prices.cbegin(), prices.cend(),
                                      [](const Priced &p) { return p.price->how != MatchHow::Empty; });
    if (needsPrice && !anyPrice) {
        m_analysis.addProblem(rowNumber, prices.isEmpty() ? 0 : m_settings.columnWithRole(ColumnRole::Price)->column,
                              QStringLiteral("No price: the row is not imported"), false);
        return false;
    }
    for (ResolvedText *text : resolved)
        ++text->usedRows;

    QHash<Dimension, QString> values;
    bool complete = true;
    for (std::size_t c = 0; c < m_resolvers.size(); ++c) {
        const ColumnSetting &setting = m_resolvers[c]->setting();
        if (setting.role == ColumnRole::Attribute) {
            complete = complete && isUnderstood(resolved[c]->how);
            values.insert(setting.dimension, resolved[c]->value);
        } else if (resolved[c]->how == MatchHow::None) {
            complete = false;
        }
    }
    if (!complete)
        return true; // the unmatched values are reported once per text, by reportColumns()

    QStringList path;
    for (Dimension level : std::as_const(m_levels)) {
        if (level == Dimension::PricingCategory && m_format == ImportFormat::WhatsappBasic)
            break; // added per price column below
        if (values.contains(level)) {
            path.append(values.value(level));
            continue;
        }
        const auto derived = derive(level, values);
        if (!derived)
            return true;
        path.append(*derived);
    }

    ImportLeaf base;
    base.row = rowNumber;
    if (ResolvedText *billing = byRole(ColumnRole::BillingRule); billing && isUnderstood(billing->how))
        base.billing = rating::billingRuleFromKey(billing->value).value_or(rating::BillingRule::Inherit);
    if (ResolvedText *quantity = byRole(ColumnRole::QuantityRule); quantity && isUnderstood(quantity->how))
        base.quantity = rating::quantityRuleFromKey(quantity->value).value_or(rating::QuantityRule::Inherit);

    for (const Priced &priced : std::as_const(prices)) {
        ImportLeaf leaf = base;
        if (priced.price->how == MatchHow::Empty && needsPrice)
            continue; // another category of the row has a price
        const auto manualType = rating::priceTypeFromKey(priced.price->value);
        if (columnType != PriceType::Flat) {
            leaf.type = columnType;
        } else if (manualType) {
            leaf.type = *manualType;
        } else {
            leaf.type = PriceType::Flat;
            leaf.price = Amount::parse(priced.price->value);
        }
        QStringList leafPath = path;
        if (m_format == ImportFormat::WhatsappBasic)
            leafPath.append(priced.category);
        std::optional<qint64> tierFrom;
        if (m_format == ImportFormat::WhatsappTier) {
            ResolvedText *tier = byRole(ColumnRole::Tier);
            if (!tier || !isUnderstood(tier->how) || leaf.type != PriceType::Flat) {
                if (tier && tier->how == MatchHow::Empty)
                    m_analysis.addProblem(rowNumber, m_settings.columnWithRole(ColumnRole::Tier)->column,
                                          QStringLiteral("No tier: the row is not imported"), true);
                else if (leaf.type != PriceType::Flat)
                    m_analysis.addProblem(rowNumber, 0, QStringLiteral("A tier needs a price"), true);
                continue;
            }
            tierFrom = tier->value.toLongLong();
        }
        addLeaf(leafPath, std::move(leaf), tierFrom);
    }
    return true;
}

std::optional<QString> RateImporter::derive(Dimension target, const QHash<Dimension, QString> &values) const
{
    const auto fail = [&](Dimension source, const QString &key) -> std::optional<QString> {
        const QString id = rating::dimensionKey(target) + u'/' + key;
        auto *self = const_cast<RateImporter *>(this); // the report is bookkeeping, not the result
        if (!self->m_reportedDerivations.contains(id)) {
            self->m_reportedDerivations.insert(id);
            const ColumnSetting *column = m_settings.attributeColumn(source);
            self->m_analysis.addProblem(0, column ? column->column : 0,
                                        QStringLiteral("%1 cannot be derived from %2 \"%3\"")
                                            .arg(levelName(target), levelName(source), key),
                                        true);
        }
        return std::nullopt;
    };
    const auto others = RateNode::othersMatch();
    if (values.contains(Dimension::MccMnc)) {
        const QString mccMnc = values.value(Dimension::MccMnc);
        if (mccMnc == others)
            return others;
        if (target == Dimension::Mcc)
            return mccMnc.left(3);
        const MobileNetworks::Network *network = MobileNetworks::instance().find(mccMnc.left(3), mccMnc.mid(3));
        if (network && target == Dimension::Network && !network->name().isEmpty())
            return network->name();
        if (network && target == Dimension::Country && Dictionaries::instance().isCountry(network->country))
            return network->country;
        if (target != Dimension::Country || !values.contains(Dimension::Mcc))
            return fail(Dimension::MccMnc, mccMnc);
    }
    if (target == Dimension::Country && values.contains(Dimension::Mcc)) {
        const QString mcc = values.value(Dimension::Mcc);
        if (mcc == others)
            return others;
        const DictionaryEntry *entry = DimensionDictionary::of(Dimension::Mcc).findKey(mcc);
        if (entry && !entry->values.value(1).isEmpty())
            return entry->values.value(1);
        return fail(Dimension::Mcc, mcc);
    }
    return std::nullopt;
}

void RateImporter::addLeaf(const QStringList &path, ImportLeaf leaf, std::optional<qint64> tierFrom)
{
    const QString key = joinedPath(path);
    auto existing = m_leafByPath.constFind(key);
    if (existing == m_leafByPath.cend()) {
        if (tierFrom) {
            leaf.bands.insert(*tierFrom, *leaf.price);
            leaf.bandRows.insert(*tierFrom, leaf.row);
            leaf.type = PriceType::Scale;
            leaf.price.reset();
        }
        m_leafByPath.insert(key, int(m_leaves.size()));
        m_paths.append(path);
        m_leaves.append(std::move(leaf));
        return;
    }
    ImportLeaf &kept = m_leaves[*existing];
    if (tierFrom && !kept.bands.contains(*tierFrom)) {
        kept.bands.insert(*tierFrom, *leaf.price);
        kept.bandRows.insert(*tierFrom, leaf.row);
        return;
    }
    const qint64 earlierRow = tierFrom ? kept.bandRows.value(*tierFrom) : kept.row;
    switch (m_settings.duplicates) {
    case DuplicateRule::TakeFirst:
        m_analysis.addProblem(leaf.row, 0,
                              QStringLiteral("Same rate as row %1: the first one is kept, this row is not imported").arg(earlierRow),
                              false);
        break;
    case DuplicateRule::TakeLast:
        m_analysis.addProblem(leaf.row, 0,
                              QStringLiteral("Same rate as row %1: this row replaces it").arg(earlierRow), false);
        if (tierFrom) {
            kept.bands.insert(*tierFrom, *leaf.price);
            kept.bandRows.insert(*tierFrom, leaf.row);
        } else {
            leaf.conflicted = kept.conflicted;
            kept = std::move(leaf);
        }
        break;
    case DuplicateRule::Error:
        m_analysis.addProblem(leaf.row, 0,
                              QStringLiteral("Same rate as row %1 (duplicates are set to show an error)").arg(earlierRow),
                              true);
        kept.conflicted = true;
        break;
    }
}

void RateImporter::reportColumns()
{
    for (const auto &resolver : m_resolvers) {
        ColumnAnalysis column;
        column.setting = resolver->setting();
        const QString title = columnTitle(column.setting);
        qint64 bestMatches = 0, openValues = 0, negatives = 0;
        for (const QString &text : resolver->texts()) {
            const ResolvedText &resolved = resolver->resolved(text);
            const bool isPrice = column.setting.role == ColumnRole::Price;
            // A price column lists only what is not a plain price: the texts the user may map.
            if (!isPrice || resolved.how != MatchHow::Value)
                column.values.append({text, resolved});
            if (isUnderstood(resolved.how))
                ++column.matched;
            bestMatches += resolved.how == MatchHow::Best;
            openValues += resolved.how == MatchHow::Open;
            negatives += resolved.negative;
            const bool emptyMatters = resolved.how == MatchHow::Empty && column.setting.role == ColumnRole::Attribute;
            if ((resolved.how == MatchHow::None || emptyMatters) && resolved.usedRows > 0) {
                ++column.unmatched;
                QString message;
                if (!resolved.problem.isEmpty())
                    message = QStringLiteral("%1: the mapping of \"%2\" is refused: %3").arg(title, text, resolved.problem);
                else if (emptyMatters)
                    message = QStringLiteral("%1: %2 no value; map the empty value (to Others, for instance)")
                                  .arg(title, counted(resolved.usedRows, "row has", "rows have"));
                else
                    message = QStringLiteral("%1: no match for \"%2\" (%3); map it by hand")
                                  .arg(title, text, counted(resolved.usedRows, "row", "rows"));
                m_analysis.addProblem(resolved.firstRow, column.setting.column, message, true);
            }
        }
        if (bestMatches > 0)
            m_analysis.addProblem(0, column.setting.column,
                                  QStringLiteral("%1: %2 matched by similarity; check them")
                                      .arg(title, counted(bestMatches, "value was", "values were")),
                                  false);
        if (openValues > 0)
            m_analysis.addProblem(0, column.setting.column,
                                  QStringLiteral("%1: %2 not in the dictionary and imported as written; such names "
                                                 "match only traffic whose number prefix names them the same way")
                                      .arg(title, counted(openValues, "value is", "values are")),
                                  false);
        if (negatives > 0)
            m_analysis.addProblem(0, column.setting.column,
                                  QStringLiteral("%1: %2 taken as positive").arg(title, counted(negatives, "negative price is", "negative prices are")),
                                  false);
        m_analysis.columns.append(column);
    }
}

void RateImporter::finishLeaves()
{
    for (qsizetype i = 0; i < m_leaves.size(); ++i) {
        ImportLeaf &leaf = m_leaves[i];
        if (leaf.conflicted || leaf.type != PriceType::Scale)
            continue;
        if (leaf.bands.firstKey() != 0) {
            const QStringList &path = m_paths[i];
            m_analysis.addProblem(leaf.bandRows.first(), m_settings.columnWithRole(ColumnRole::Tier)->column,
                                  QStringLiteral("The tiers of %1 start at unit %2; the first tier must start at 1")
                                      .arg(path.join(QStringLiteral(" → ")))
                                      .arg(leaf.bands.firstKey() + 1),
                                  true);
        }
    }
    qint64 records = 0;
    for (const ImportLeaf &leaf : std::as_const(m_leaves))
        if (!leaf.conflicted)
            records += leaf.type == PriceType::Scale ? leaf.bands.size() : 1;
    m_analysis.records = records;
    if (records == 0 && m_analysis.blockingCount == 0)
        m_analysis.addProblem(0, 0, QStringLiteral("Nothing to import: no row gives a rate"), true);
}

void RateImporter::buildNodes()
{
    const RateNode *target = m_tree.node(m_nodeId);
    RateNode top = target ? *target : RateNode {};
    top.id = m_nodeId;
    top.priceType = PriceType::Depends;
    top.dimension = m_levels.value(0);
    top.price.reset();
    top.scale.reset();

    QList<RateNode> nodes {top};
    QHash<QString, qint64> idByPath; // joined path -> node id
    QHash<qint64, QList<qint64>> childrenOf;
    qint64 nextId = -1;
    for (qsizetype i = 0; i < m_leaves.size(); ++i) {
        const ImportLeaf &leaf = m_leaves[i];
        if (leaf.conflicted)
            continue;
        const QStringList &path = m_paths[i];
        qint64 parent = m_nodeId;
        for (qsizetype level = 0; level < path.size(); ++level) {
            const QString key = joinedPath(path.mid(0, level + 1));
            auto found = idByPath.constFind(key);
            if (found != idByPath.cend()) {
                parent = *found;
                continue;
            }
            RateNode node;
            node.id = nextId--;
            node.parentId = parent;
            node.match = path[level];
            const bool isLeaf = level + 1 == path.size();
            if (!isLeaf) {
                node.priceType = PriceType::Depends;
                node.dimension = m_levels[level + 1];
            } else {
                node.priceType = leaf.type;
                node.price = leaf.price;
                node.billingRule = leaf.billing;
                node.quantityRule = leaf.quantity;
                if (leaf.type == PriceType::Scale) {
                    rating::Scale scale;
                    for (auto band = leaf.bands.cbegin(); band != leaf.bands.cend(); ++band)
                        scale.bands.append({band.key(), band.value()});
                    node.scale = scale;
                }
            }
            idByPath.insert(key, node.id);
            childrenOf[parent].append(node.id);
            nodes.append(node);
            parent = node.id;
        }
    }
    // Sheet order among siblings, with Others last, as the constructor shows trees.
    QHash<qint64, int> indexOf;
    for (int i = 0; i < nodes.size(); ++i)
        indexOf.insert(nodes[i].id, i);
    for (auto it = childrenOf.begin(); it != childrenOf.end(); ++it) {
        QList<qint64> &children = it.value();
        std::stable_partition(children.begin(), children.end(),
                              [&](qint64 id) { return !nodes[indexOf.value(id)].isOthers(); });
        for (int position = 0; position < children.size(); ++position)
            nodes[indexOf.value(children[position])].position = position;
    }
    if (m_settings.mode == ImportMode::Merge)
        nodes = mergeIntoTree(m_tree, m_nodeId, nodes);
    reuseNodeIds(m_tree, m_nodeId, nodes);
    m_analysis.diff = diffImport(m_tree, m_nodeId, rating::RateTree(nodes));
    m_analysis.nodes = std::move(nodes);
}

QList<RateNode> RateImporter::mergedTree(const rating::RateTree &tree, qint64 nodeId, const QList<RateNode> &branch)
{
    QSet<qint64> replaced;
    QList<qint64> pending {nodeId};
    while (!pending.isEmpty()) {
        const qint64 id = pending.takeLast();
        replaced.insert(id);
        for (const RateNode *child : tree.children(id))
            pending.append(child->id);
    }
    // Parents before children, as storage needs them: the tree's nodes in stored order, then the
    // branch, which lists every node after its parent.
    QList<RateNode> merged;
    merged.reserve(tree.nodes().size() - replaced.size() + branch.size());
    for (const RateNode &node : tree.nodes())
        if (!replaced.contains(node.id))
            merged.append(node);
    merged.append(branch);
    return merged;
}

} // namespace backoffice::server::rateimport
