#pragma once

#include "RateTreeModel.h"

#include <optional>

namespace backoffice::tests {

// The first node (breadth first) below `under` whose match is `match`; 0 when there is none.
// New, unsaved nodes have negative ids.
inline qint64 findByMatch(const views::RateTreeModel *model, const QString &match, std::optional<qint64> under = std::nullopt)
{
    QList<qint64> stack = model->childrenOf(under);
    while (!stack.isEmpty()) {
        const qint64 id = stack.takeFirst();
        if (model->node(id)->match == match)
            return id;
        stack << model->childrenOf(id);
    }
    return 0;
}

} // namespace backoffice::tests
