#pragma once

#include "RateTree.h"

#include <QList>

namespace backoffice::server::rateimport {

// Merge mode of the import: vendors often send only the countries whose rates change, so the
// imported branches go into the tree in force and every branch the sheet does not mention stays.
// A branch the sheet does mention is kept node by node while both sides depend on the same
// dimension; where they differ (a flat rate becomes a network split, new prices), the imported
// branch replaces the old one. `imported` is the node and its new descendants, the node first.
// Returns the node's whole subtree after the merge, the node first; kept nodes keep their ids.
QList<rating::RateNode> mergeIntoTree(const rating::RateTree &current, qint64 nodeId, const QList<rating::RateNode> &imported);

// Gives the nodes of a new branch the ids of the nodes in force at the same path (the same matches
// from the node down), so storing it touches only what changed: a vendor's monthly sheet with a
// few new prices updates a few rows instead of rewriting 100,000, and ids stay stable.
void reuseNodeIds(const rating::RateTree &current, qint64 nodeId, QList<rating::RateNode> &branch);

} // namespace backoffice::server::rateimport
