#pragma once

#include "ColumnResolver.h"
#include "ImportSettings.h"
#include "RatingTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace backoffice::server::rateimport {

struct ImportProblem {
    qint64 row = 0; // 1-based; 0 when not about one row
    int column = 0; // 1-based; 0 when not about one column
    QString message;
    bool blocking = true; // false: informative, the import may go on
};

struct ColumnAnalysis {
    ColumnSetting setting;
    qint64 matched = 0; // distinct texts understood
    qint64 unmatched = 0; // distinct texts not understood, used by rows that would be imported
    QList<QPair<QString, ResolvedText>> values; // distinct texts, first-seen order
};

// One leaf of the trees compared: a path of match keys below the import node.
struct DiffItem {
    QStringList path;
    QStringList labels;
    QString kind; // new, removed, up, down, unchanged, changed
    QString before; // price text ("0.04", "Free", "Tier: …"); empty for new
    QString after; // empty for removed
};

struct ImportDiff {
    qint64 added = 0, removed = 0, up = 0, down = 0, unchanged = 0, changed = 0;
    QList<DiffItem> items; // by path, at most ItemLimit
    bool truncated = false;
    static constexpr int ItemLimit = 5000;
    QJsonObject countsJson() const;
    QJsonObject toJson() const;
};

// What an import would do with its settings: see docs/API.md, "Analysis".
struct ImportAnalysis {
    static constexpr int ProblemLimit = 1000;

    qint64 records = 0; // leaves (or tier bands) that go into the tree
    qint64 skippedRows = 0;
    QList<rating::Dimension> structure;
    QList<rating::Dimension> derivable;
    QList<ColumnAnalysis> columns;
    QList<ImportProblem> problems; // at most ProblemLimit
    qint64 problemCount = 0;
    qint64 blockingCount = 0;
    qint64 nodeId = 0;
    // The node's branch as apply leaves it, the node first: new nodes have negative ids, nodes kept
    // by a merge their own.
    QList<rating::RateNode> nodes;
    ImportDiff diff;

    bool ready() const { return blockingCount == 0; }
    void addProblem(qint64 row, int column, const QString &message, bool blocking);
    QJsonArray nodesJson() const;
    // The branch's nodes are left out unless asked for: 100,000 of them are megabytes of JSON.
    QJsonObject toJson(bool includeNodes) const;
};

} // namespace backoffice::server::rateimport
