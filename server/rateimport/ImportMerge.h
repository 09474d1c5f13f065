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

} // namespace backoffice::server::rateimport
