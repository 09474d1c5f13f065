#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

// How a connection's state reads on the status screens: bound is green, on its way (connecting,
// binding) amber, anything else red.
namespace backoffice::views::connectionstate {

enum class Health { Up, Pending, Down };

Health healthOf(const QString &state);
QColor colorOf(Health health);
// A small filled circle in the state's colour, for the decoration role of a table cell (models
// draw it once per colour and keep it).
QIcon dotIcon(Health health);
// "bound" -> "Bound", "disconnected" -> "Disconnected"; unknown states as they come.
QString stateLabel(const QString &state);

} // namespace backoffice::views::connectionstate
