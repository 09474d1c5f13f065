#pragma once

#include "ImportAnalysis.h"
#include "RateTree.h"

namespace backoffice::server::rateimport {

// What an import changes below a node: each priced leaf of the tree in force and of the imported
// tree, paired by its path of match values ("ES" → "Vodafone"), as new, removed, up, down,
// unchanged or changed (another price type, other bands or rules). Items come in tree order, the
// imported leaves first, then the removed ones.
ImportDiff diffImport(const rating::RateTree &current, qint64 nodeId, const rating::RateTree &imported);

} // namespace backoffice::server::rateimport
