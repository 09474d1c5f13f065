#include "EntityTables.h"

#include "EntityCatalogue.h"
#include "BillingEntities.h"
#include "FeeEntities.h"
#include "MessagingEntities.h"

#include <QMap>

namespace backoffice::server {

QString snakeCaseTable(const QString &entityName);

namespace {

// The scope in force now of a service (SQL giving the service id): the earliest created of its
// non-draft scopes whose period holds the present, so a newer overlapping scope does not displace it.
QString currentScopeOf(const QString &serviceIdExpression)
{
    return QStringLiteral("(SELECT s.id FROM service_scopes s, clock WHERE s.service_id = %1 AND s.draft = 0"
                          " AND s.effective_from <= clock.now AND (s.effective_till IS NULL OR s.effective_till > clock.now)"
                          " ORDER BY s.id LIMIT 1)")
        .arg(serviceIdExpression);
}

QString sql(const char *text)
{
    return QString::fromUtf8(text);
}

// Maps every plain field to its snake_case column, leaving out those listed as not stored.
EntityTable plainTable(const EntityDescriptor &entity, const QString &table, const QStringList &notStored = {})
{
    EntityTable mapping;
    mapping.table = table;
    for (const FieldDescriptor &field : entity.fields) {
        if (field.type == FieldType::ReferenceList || field.secret || notStored.contains(field.name))
            continue;
        mapping.columns.insert(field.name, EntityTables::snakeCase(field.name));
    }
    return mapping;
}

EntityTable agreementTable(const EntityDescriptor &entity)
{
    static const QStringList versionFields{
        QStringLiteral("versionCode"), QStringLiteral("effectiveFrom"), QStringLiteral("effectiveFromZone"),
        QStringLiteral("effectiveTill"), QStringLiteral("effectiveTillZone"), QStringLiteral("creditLimit"),
        QStringLiteral("billingTimeZone"), QStringLiteral("daysForPayment"), QStringLiteral("billingPeriod"),
        QStringLiteral("billingDay"), QStringLiteral("splitByMonth"), QStringLiteral("currentVersionId")};
    EntityTable mapping = plainTable(entity, QStringLiteral("agreements"), versionFields);
    // The list shows the terms of the version in force now; "cv" is that version.
    mapping.join = sql(" LEFT JOIN agreement_versions cv ON cv.id = ("
                       "SELECT v.id FROM agreement_versions v, clock WHERE v.agreement_id = t.id"
                       " AND v.effective_from <= clock.now AND (v.effective_till IS NULL OR v.effective_till > clock.now)"
                       " ORDER BY v.effective_from DESC LIMIT 1)");
    for (const QString &field : versionFields) {
        const QString column = field == QLatin1String("currentVersionId") ? QStringLiteral("id")
                                                                           : EntityTables::snakeCase(field);
        mapping.computed.insert(field, QStringLiteral("cv.") + column);
    }
    mapping.companyExpression = QStringLiteral("t.company_id");
    return mapping;
}

QString disabledStatus()
{
    return QStringLiteral("(CASE WHEN t.disabled = 1 THEN 'disabled' ELSE 'active' END)");
}

// The messaging engine's tables (server/storage/SchemaMessaging.cpp).
bool messagingTable(const EntityDescriptor &entity, EntityTable *out)
{
    const QString &name = entity.name;
    const QString company = QStringLiteral("t.company_id");
    if (name == entities::vendorSmppConnections) {
        EntityTable mapping = plainTable(entity, QStringLiteral("vendor_smpp_connections"), {QStringLiteral("status")});
        mapping.computed.insert(QStringLiteral("status"), disabledStatus());
        mapping.links.insert(QStringLiteral("companyIds"), {QStringLiteral("vendor_smpp_connection_companies"),
                                                             QStringLiteral("connection_id"), QStringLiteral("company_id")});
        *out = mapping;
        return true;
    }
    if (name == entities::clientSmppConnections || name == entities::httpConnections) {
        EntityTable mapping = plainTable(entity, snakeCaseTable(name), {QStringLiteral("status")});
        mapping.computed.insert(QStringLiteral("status"), disabledStatus());
        if (name == entities::clientSmppConnections)
            mapping.companyExpression = company;
        *out = mapping;
        return true;
    }
    if (name == entities::senderIds) {
        EntityTable mapping = plainTable(entity, QStringLiteral("sender_ids"));
        mapping.links.insert(QStringLiteral("failoverConnectionIds"),
                             {QStringLiteral("sender_id_failover_connections"), QStringLiteral("sender_record_id"),
                              QStringLiteral("connection_id")});
        mapping.companyExpression = company;
        *out = mapping;
        return true;
    }
    if (name == entities::apiKeys) {
        EntityTable mapping = plainTable(entity, QStringLiteral("api_keys"), {QStringLiteral("status")});
        mapping.computed.insert(QStringLiteral("status"),
                                sql("(SELECT CASE WHEN t.expires_at IS NOT NULL AND t.expires_at <= clock.now"
                                    " THEN 'expired' ELSE 'active' END FROM clock)"));
        mapping.companyExpression = company;
        *out = mapping;
        return true;
    }
    if (name == entities::edrs || name == entities::charges || name == entities::notifications
        || name == entities::stopList) {
        EntityTable mapping = plainTable(entity, snakeCaseTable(name));
        mapping.companyExpression = company;
        *out = mapping;
        return true;
    }
    return false;
}

EntityTable buildTable(const EntityDescriptor &entity)
{
    const QString &name = entity.name;
    if (name == entities::companies) {
        EntityTable mapping = plainTable(entity, QStringLiteral("companies"));
        mapping.companyExpression = QStringLiteral("t.id");
        return mapping;
    }
    if (name == entities::legalEntities || name == entities::ownLegalEntities || name == entities::bankAccounts) {
        EntityTable mapping = plainTable(entity, snakeCaseTable(name));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (name == entities::ownBankAccounts) {
        EntityTable mapping = plainTable(entity, QStringLiteral("own_bank_accounts"));
        mapping.companyExpression =
            QStringLiteral("(SELECT o.company_id FROM own_legal_entities o WHERE o.id = t.own_legal_entity_id)");
        return mapping;
    }
    if (name == entities::agreements)
        return agreementTable(entity);
    if (name == entities::agreementVersions) {
        EntityTable mapping = plainTable(entity, QStringLiteral("agreement_versions"), {QStringLiteral("state")});
        mapping.computed.insert(QStringLiteral("category"),
                                sql("(SELECT CASE s.type WHEN 'payg' THEN 'service' WHEN 'unitPack' THEN 'pack'"
                                    " WHEN 'monetaryPack' THEN 'pack' ELSE s.type END FROM services s WHERE s.id = t.service_id)"));
        mapping.computed.insert(QStringLiteral("state"),
                                sql("(SELECT CASE WHEN t.effective_till IS NOT NULL AND t.effective_till <= clock.now"
                                    " THEN 'past' WHEN t.effective_from > clock.now THEN 'upcoming'"
                                    " ELSE 'current' END FROM clock)"));
        mapping.companyExpression =
            QStringLiteral("(SELECT a.company_id FROM agreements a WHERE a.id = t.agreement_id)");
        mapping.cascadeParentField = QStringLiteral("agreementId");
        return mapping;
    }
    if (name == entities::users) {
        EntityTable mapping = plainTable(entity, QStringLiteral("users"));
        mapping.links.insert(QStringLiteral("roleIds"),
                             {QStringLiteral("user_roles"), QStringLiteral("user_id"), QStringLiteral("role_id")});
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (name == entities::roles) {
        // templateRoleId is an instruction on create (copy its permissions), not stored data.
        EntityTable mapping = plainTable(entity, QStringLiteral("roles"), {QStringLiteral("templateRoleId")});
        mapping.columns.insert(QStringLiteral("group"), QStringLiteral("role_group"));
        mapping.links.insert(QStringLiteral("companyIds"),
                             {QStringLiteral("role_companies"), QStringLiteral("role_id"), QStringLiteral("company_id")});
        return mapping;
    }
    if (name == entities::services) {
        EntityTable mapping = plainTable(entity, QStringLiteral("services"), {QStringLiteral("currentScopeId")});
        mapping.computed.insert(QStringLiteral("currentScopeId"), currentScopeOf(QStringLiteral("t.id")));
        return mapping;
    }
    if (name == entities::serviceScopes) {
        EntityTable mapping = plainTable(entity, QStringLiteral("service_scopes"),
                                         {QStringLiteral("state"), QStringLiteral("nodeCount"),
                                          QStringLiteral("copyTreeFromScopeId"), QStringLiteral("copyTreeFromServiceId")});
        // One current scope per service: among the non-draft scopes in force, the earliest created.
        mapping.computed.insert(QStringLiteral("category"),
                                sql("(SELECT CASE s.type WHEN 'payg' THEN 'service' WHEN 'unitPack' THEN 'pack'"
                                    " WHEN 'monetaryPack' THEN 'pack' ELSE s.type END FROM services s WHERE s.id = t.service_id)"));
        mapping.computed.insert(QStringLiteral("state"),
                                QStringLiteral("(SELECT CASE WHEN t.draft = 1 THEN 'draft'"
                                               " WHEN t.effective_till IS NOT NULL AND t.effective_till <= clock.now THEN 'expired'"
                                               " WHEN t.effective_from > clock.now THEN 'upcoming'"
                                               " WHEN t.id = %1 THEN 'current' ELSE 'inactive' END FROM clock)")
                                    .arg(currentScopeOf(QStringLiteral("t.service_id"))));
        mapping.computed.insert(QStringLiteral("nodeCount"),
                                QStringLiteral("(SELECT count(*) FROM rate_nodes n WHERE n.scope_id = t.id)"));
        mapping.cascadeParentField = QStringLiteral("serviceId");
        return mapping;
    }
    if (name == entities::enabledServices) {
        EntityTable mapping = plainTable(entity, QStringLiteral("enabled_services"),
                                         {QStringLiteral("serviceType"), QStringLiteral("category"), QStringLiteral("state"), QStringLiteral("packSize"),
                                          QStringLiteral("unitsUsed"), QStringLiteral("moneySpent"),
                                          QStringLiteral("moneyLeft")});
        // Sub-balances of packs: what their parts took (charges.pack_debit), never stored twice.
        const QString packDebits = QStringLiteral("(SELECT coalesce(sum(c.pack_debit), 0) FROM charges c"
                                                  " WHERE c.enabled_service_id = t.id AND c.pack_debit IS NOT NULL)");
        mapping.computed.insert(QStringLiteral("packSize"),
                                sql("(SELECT CASE WHEN s.type IN ('unitPack', 'bundlePack') THEN s.units * t.rounds"
                                    " END FROM services s WHERE s.id = t.service_id)"));
        mapping.computed.insert(QStringLiteral("unitsUsed"),
                                QStringLiteral("(SELECT CASE WHEN s.type IN ('unitPack', 'bundlePack') THEN %1 END"
                                               " FROM services s WHERE s.id = t.service_id)").arg(packDebits));
        mapping.computed.insert(QStringLiteral("moneySpent"),
                                QStringLiteral("(SELECT CASE WHEN s.type = 'monetaryPack' THEN %1 END"
                                               " FROM services s WHERE s.id = t.service_id)").arg(packDebits));
        mapping.computed.insert(QStringLiteral("moneyLeft"),
                                QStringLiteral("(SELECT CASE WHEN s.type = 'monetaryPack' THEN s.amount - %1 END"
                                               " FROM services s WHERE s.id = t.service_id)").arg(packDebits));
        mapping.computed.insert(QStringLiteral("serviceType"),
                                sql("(SELECT s.type FROM services s WHERE s.id = t.service_id)"));
        mapping.computed.insert(QStringLiteral("category"),
                                sql("(SELECT CASE s.type WHEN 'payg' THEN 'service' WHEN 'unitPack' THEN 'pack'"
                                    " WHEN 'monetaryPack' THEN 'pack' ELSE s.type END FROM services s WHERE s.id = t.service_id)"));
        mapping.computed.insert(QStringLiteral("state"),
                                sql("(SELECT CASE WHEN t.effective_till IS NOT NULL AND t.effective_till <= clock.now"
                                    " THEN 'expired' WHEN t.effective_from > clock.now THEN 'upcoming'"
                                    " ELSE 'current' END FROM clock)"));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (EntityTable mapping; messagingTable(entity, &mapping))
        return mapping;
    if (name == entities::payments) {
        // Unconfirmed payments count until the job that expires them runs; the status says so.
        EntityTable mapping = plainTable(entity, QStringLiteral("payments"), {QStringLiteral("status")});
        mapping.computed.insert(QStringLiteral("status"),
                                sql("(CASE WHEN t.confirmed = 1 THEN 'CONFIRMED' WHEN t.counted_in_balance = 1"
                                    " THEN 'NOT_CONFIRMED' ELSE 'EXPIRED' END)"));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (name == entities::invoices) {
        EntityTable mapping = plainTable(entity, QStringLiteral("invoices"));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (name == entities::invoiceLines) {
        EntityTable mapping = plainTable(entity, QStringLiteral("invoice_lines"));
        mapping.companyExpression = QStringLiteral("(SELECT i.company_id FROM invoices i WHERE i.id = t.invoice_id)");
        return mapping;
    }
    if (name == entities::rerateTasks) {
        EntityTable mapping = plainTable(entity, QStringLiteral("rerate_tasks"));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (name == entities::balanceMovements) {
        EntityTable mapping = plainTable(entity, QStringLiteral("balance_movements"));
        mapping.companyExpression = QStringLiteral("(SELECT a.company_id FROM agreements a WHERE a.id = t.agreement_id)");
        return mapping;
    }
    if (name == entities::additionalFees) {
        EntityTable mapping = plainTable(entity, QStringLiteral("additional_fees"));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (name == entities::senderIdFeeRules) {
        EntityTable mapping = plainTable(entity, QStringLiteral("sender_id_fee_rules"), {QStringLiteral("lastChargedPeriod")});
        mapping.computed.insert(QStringLiteral("lastChargedPeriod"),
                                sql("(SELECT max(p.period_start) FROM sender_id_fee_periods p"
                                    " WHERE p.rule_id = t.id AND p.state = 'charged')"));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    if (name == entities::audit) {
        EntityTable mapping = plainTable(entity, QStringLiteral("audit_log"));
        mapping.companyExpression = QStringLiteral("t.company_id");
        return mapping;
    }
    return plainTable(entity, snakeCaseTable(name));
}

} // namespace

QString snakeCaseTable(const QString &entityName)
{
    QString table = entityName;
    return table.replace(QLatin1Char('-'), QLatin1Char('_'));
}

QString EntityTables::snakeCase(const QString &camelCase)
{
    QString out;
    out.reserve(camelCase.size() + 4);
    for (const QChar c : camelCase) {
        if (c.isUpper()) {
            out += QLatin1Char('_');
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

const EntityTable &EntityTables::forEntity(const EntityDescriptor &entity)
{
    return forEntity(entity.name);
}

const EntityTable &EntityTables::forEntity(const QString &entityName)
{
    static const QMap<QString, EntityTable> tables = [] {
        QMap<QString, EntityTable> map;
        for (const EntityDescriptor &entity : EntityCatalogue::all())
            map.insert(entity.name, buildTable(entity));
        return map;
    }();
    Q_ASSERT_X(tables.contains(entityName), "EntityTables::forEntity", qPrintable(entityName));
    return *tables.find(entityName);
}

} // namespace backoffice::server
