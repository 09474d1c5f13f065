#pragma once

#include "ColumnResolver.h"
#include "ImportAnalysis.h"
#include "ImportSettings.h"
#include "RateTree.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <memory>

namespace backoffice::server::rateimport {

// What one leaf of the imported tree holds, before it becomes a rate node.
struct ImportLeaf {
    rating::PriceType type = rating::PriceType::Flat;
    std::optional<Amount> price;
    QMap<qint64, Amount> bands; // WhatsApp tier: first unit -> price
    QMap<qint64, qint64> bandRows; // first unit -> the sheet row it came from
    rating::BillingRule billing = rating::BillingRule::Inherit;
    rating::QuantityRule quantity = rating::QuantityRule::Inherit;
    qint64 row = 0; // the sheet row (the first one, for tiers)
    bool conflicted = false; // duplicates under "error": not imported
};

// Turns the rows of a rate sheet into the rate tree below one node of a scope's tree, following the
// staff manual's import (§7.3.2): declared columns, derived levels, duplicates, warnings and
// blocking errors, and a diff against the tree in force. Pure: no storage, no HTTP.
class RateImporter final
{
public:
    RateImporter(const QList<QStringList> &rows, ImportFormat format, const ImportSettings &settings,
                 const rating::RateTree &tree, qint64 nodeId);
    ~RateImporter();

    ImportAnalysis analyse();

    // The scope's whole tree with the node's branch replaced by the import's (the node first, as
    // analyse() gives it), parents before children, ready for storage.
    static QList<rating::RateNode> mergedTree(const rating::RateTree &tree, qint64 nodeId,
                                              const QList<rating::RateNode> &branch);

    // Dimensions a level can be derived from when no column declares it.
    static QList<rating::Dimension> derivableFrom(const QList<rating::Dimension> &declared);

private:
    void checkSettings();
    void readRows();
    bool readRow(qint64 rowNumber, const QStringList &cells);
    void addLeaf(const QStringList &path, ImportLeaf leaf, std::optional<qint64> tierFrom);
    void reportColumns();
    void finishLeaves();
    void buildNodes();
    std::optional<QString> derive(rating::Dimension target, const QHash<rating::Dimension, QString> &values) const;

    const QList<QStringList> &m_rows;
    ImportFormat m_format;
    ImportSettings m_settings;
    const rating::RateTree &m_tree;
    qint64 m_nodeId;

    ImportAnalysis m_analysis;
    QList<rating::Dimension> m_levels; // structure, plus pricing category for WhatsApp basic
    std::vector<std::unique_ptr<ColumnResolver>> m_resolvers;
    QList<QStringList> m_paths; // per leaf
    QList<ImportLeaf> m_leaves;
    QHash<QString, int> m_leafByPath;
    QSet<QString> m_reportedDerivations;
};

} // namespace backoffice::server::rateimport
