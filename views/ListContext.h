#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace backoffice::views {

// What one list screen shows: an entity of the catalogue, seen through fixed filters. The users
// entity appears twice (BackOffice and Client portal users) with different filters, permission
// areas and default columns, so screens are described by this rather than by the entity alone.
struct ListContext {
    QString key;              // unique per screen: "companies", "users-portal"; also the QSettings key
    QString entity;           // catalogue name: "users"
    QString title;            // "Client portal users"
    QString permissionArea;   // "portalUsers"
    QList<QPair<QString, QString>> fixedFilters; // always sent, never shown as removable: kind=portal
    QStringList extraColumns; // shown by default besides the catalogue's listed fields
    // False where the server makes the records itself and refuses POST (notifications), though
    // people may still change some of their fields.
    bool creatable = true;

    // The value of a fixed filter ("kind" -> "portal"), empty when there is none.
    QString fixedValue(const QString &field) const;
    // The context of a plain entity list: its catalogue area, no fixed filters.
    static ListContext forEntity(const QString &entity);
};

} // namespace backoffice::views
