#include "Schema.h"

namespace backoffice::server::schema {

QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE services ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " type TEXT NOT NULL,"          // payg | unitPack | monetaryPack | bundleInitiator | bundlePack
                       " currency TEXT,"               // none for unit and bundle packs
                       " units INTEGER,"               // size of unit and bundle packs
                       " amount INTEGER,"              // size of monetary packs, micro-units
                       " time_zone TEXT NOT NULL,"     // scopes' dates are read in this zone
                       " description TEXT,"
                       " archived INTEGER NOT NULL DEFAULT 0,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX services_name ON services(name)"),
        QStringLiteral("CREATE TABLE service_scopes ("
                       " id INTEGER PRIMARY KEY,"
                       " service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,"
                       " effective_from TEXT NOT NULL,"
                       " effective_till TEXT,"
                       " draft INTEGER NOT NULL DEFAULT 0,"
                       " copied_from_scope_id INTEGER,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX service_scopes_service ON service_scopes(service_id, effective_from)"),
        // One row per node of a scope's rate tree. The root nodes are service domains.
        QStringLiteral("CREATE TABLE rate_nodes ("
                       " id INTEGER PRIMARY KEY,"
                       " scope_id INTEGER NOT NULL REFERENCES service_scopes(id) ON DELETE CASCADE,"
                       " parent_id INTEGER REFERENCES rate_nodes(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " match TEXT NOT NULL,"         // the parent dimension's value this node stands for, '*' = Others
                       " price_type TEXT NOT NULL,"
                       " dimension TEXT,"              // with price type 'depends'
                       " price INTEGER,"               // flat rate, micro-units
                       " scale TEXT,"                  // JSON: mode, counter group, bands
                       " billing_rule TEXT,"           // NULL: inherited
                       " quantity_rule TEXT)"),        // NULL: inherited
        QStringLiteral("CREATE INDEX rate_nodes_scope ON rate_nodes(scope_id, parent_id, position)"),
    };
}

QStringList version4()
{
    return {
        // Services bought by agreements. company_id is the agreement's, kept here so lists filter and
        // reseller visibility work without a join.
        QStringLiteral("CREATE TABLE enabled_services ("
                       " id INTEGER PRIMARY KEY,"
                       " company_id INTEGER NOT NULL REFERENCES companies(id),"
                       " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
                       " service_id INTEGER NOT NULL REFERENCES services(id),"
                       " effective_from TEXT NOT NULL,"
                       " effective_from_zone TEXT NOT NULL,"
                       " effective_till TEXT,"
                       " effective_till_zone TEXT,"
                       " billing TEXT,"                // packs: free | charge
                       " hidden_from_client INTEGER NOT NULL DEFAULT 0,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX enabled_services_agreement ON enabled_services(agreement_id, effective_from)"),
        QStringLiteral("CREATE INDEX enabled_services_service ON enabled_services(service_id)"),
        // Units counted per scale node in a billing period: the volume a scale prices against.
        // counter_key is '' for the agreement counter group, the sender ID for the sender ID group.
        QStringLiteral("CREATE TABLE rating_volume_counters ("
                       " agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,"
                       " node_id INTEGER NOT NULL,"
                       " counter_key TEXT NOT NULL,"
                       " period_start TEXT NOT NULL,"
                       " units INTEGER NOT NULL,"
                       " PRIMARY KEY (agreement_id, node_id, counter_key, period_start))"),
    };
}

// Deleting a tree checks the ON DELETE CASCADE of parent_id for every row; without an index on
// parent_id alone that is a scan per row, and replacing a 100,000-node tree took minutes.
QStringList version5()
{
    return {QStringLiteral("CREATE INDEX rate_nodes_parent ON rate_nodes(parent_id)")};
}

} // namespace backoffice::server::schema
