#pragma once

#include "ListContext.h"

#include <QList>
#include <QString>

namespace backoffice::app {

// One place in the navigation tree, mirroring the staff manual's chapters (guide §5). Sections
// without a screen yet are listed all the same, disabled with "(coming)", so the tree shows the
// whole product and never a screen that only pretends.
struct NavigationEntry {
    enum class Kind { List, Audit, Coming, ConnectionStatus, TrafficDashboard };

    QString key;       // "companies", "users-portal", "vendor-smpp-connections"
    QString label;     // "Companies"
    QString category;  // "Account management"; empty for a top-level section
    QString area;      // permission area needed to see it
    Kind kind = Kind::Coming;
    views::ListContext list; // for Kind::List
};

class Navigation final
{
public:
    static const QList<NavigationEntry> &entries();
    static const NavigationEntry *find(const QString &key);
    // Top-level entries in manual order: categories and top-level sections.
    static QStringList topLevel();
};

} // namespace backoffice::app
