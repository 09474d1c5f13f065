#pragma once

#include <QHash>
#include <QJsonArray>
#include <QString>

namespace backoffice::server {

// Reads a rate tree sent by a client: every node well-formed (known price type, dimension and
// rules, exact prices, scale bands), parents that exist and no cycles. Returns the nodes ordered
// parents first, as storage needs them, or fills errors keyed "nodes[i].field".
QJsonArray readRateTreeInput(const QJsonArray &nodes, QHash<QString, QString> &errors);

} // namespace backoffice::server
