#pragma once

#include "RatingTypes.h"

#include <QByteArray>
#include <QList>

namespace backoffice::rating {

// The compact JSON text of a list of rate nodes: the same array RateTree::nodeToJson gives, written
// straight to UTF-8. Audit records of a 100,000-node import hold two such arrays; building them as
// QJsonObjects and serializing those took most of a second.
QByteArray rateNodesJsonText(const QList<RateNode> &nodes);

} // namespace backoffice::rating
