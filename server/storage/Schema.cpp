#include "Schema.h"

namespace backoffice::server::schema {

namespace {
QString s(const char *sql)
{
    return QString::fromUtf8(sql);
}
} // namespace

QStringList version1()
{
    return {
        s("CREATE TABLE companies ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " enabled INTEGER NOT NULL DEFAULT 1,"
          " own_legal_entity_id INTEGER REFERENCES own_legal_entities(id),"
          " description TEXT,"
          " type TEXT NOT NULL,"
          " parent_company_id INTEGER REFERENCES companies(id),"
          " creator_of_resellers INTEGER NOT NULL DEFAULT 0,"
          " moderation INTEGER NOT NULL DEFAULT 0,"
          " two_factor_required INTEGER NOT NULL DEFAULT 0,"
          " mnp_requests INTEGER NOT NULL DEFAULT 0,"
          " channels TEXT,"
          " is_platform_owner INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX companies_name ON companies(name)"),
        s("CREATE INDEX companies_parent ON companies(parent_company_id)"),
        s("CREATE TABLE own_legal_entities ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " legal_company_name TEXT NOT NULL,"
          " country TEXT NOT NULL,"
          " portal_id INTEGER,"
          " tax_id TEXT, legal_id TEXT, vat_id TEXT,"
          " legal_address TEXT, billing_address TEXT,"
          " is_default INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX own_legal_entities_company ON own_legal_entities(company_id)"),
        s("CREATE TABLE legal_entities ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " legal_company_name TEXT NOT NULL,"
          " country TEXT NOT NULL,"
          " portal_id INTEGER,"
          " tax_id TEXT, legal_id TEXT, vat_id TEXT,"
          " legal_address TEXT, billing_address TEXT,"
          " is_default INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX legal_entities_company ON legal_entities(company_id)"),
        s("CREATE TABLE banks ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " description TEXT,"
          " country TEXT NOT NULL,"
          " address TEXT NOT NULL,"
          " swift_code TEXT, branch_code TEXT, bank_code TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE TABLE bank_accounts ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " legal_entity_id INTEGER NOT NULL REFERENCES legal_entities(id),"
          " bank_id INTEGER NOT NULL REFERENCES banks(id),"
          " account_holder TEXT NOT NULL,"
          " account_number TEXT NOT NULL,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX bank_accounts_company ON bank_accounts(company_id)"),
        s("CREATE INDEX bank_accounts_legal_entity ON bank_accounts(legal_entity_id)"),
        s("CREATE INDEX bank_accounts_bank ON bank_accounts(bank_id)"),
        s("CREATE TABLE own_bank_accounts ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " own_legal_entity_id INTEGER NOT NULL REFERENCES own_legal_entities(id),"
          " bank_id INTEGER NOT NULL REFERENCES banks(id),"
          " account_holder TEXT NOT NULL,"
          " account_number TEXT NOT NULL,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX own_bank_accounts_entity ON own_bank_accounts(own_legal_entity_id)"),
        s("CREATE TABLE agreements ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " direction TEXT NOT NULL,"
          " legal_entity_id INTEGER NOT NULL REFERENCES legal_entities(id),"
          " own_legal_entity_id INTEGER NOT NULL REFERENCES own_legal_entities(id),"
          " bank_account_id INTEGER REFERENCES bank_accounts(id),"
          " own_bank_account_id INTEGER NOT NULL REFERENCES own_bank_accounts(id),"
          " code TEXT NOT NULL,"
          " agreement_date TEXT NOT NULL,"
          " currency TEXT NOT NULL,"
          " invoice_emails TEXT, account_emails TEXT, rate_change_emails TEXT,"
          " service_emails TEXT, payment_alert_emails TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX agreements_company ON agreements(company_id)"),
        s("CREATE INDEX agreements_legal_entity ON agreements(legal_entity_id)"),
        s("CREATE INDEX agreements_own_legal_entity ON agreements(own_legal_entity_id)"),
        s("CREATE INDEX agreements_bank_account ON agreements(bank_account_id)"),
        s("CREATE INDEX agreements_own_bank_account ON agreements(own_bank_account_id)"),
        s("CREATE TABLE agreement_versions ("
          " id INTEGER PRIMARY KEY,"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,"
          " version_code TEXT,"
          " effective_from TEXT NOT NULL,"
          " effective_from_zone TEXT NOT NULL,"
          " effective_till TEXT,"
          " effective_till_zone TEXT,"
          " credit_limit INTEGER," // micro-units; NULL = unlimited
          " billing_time_zone TEXT NOT NULL,"
          " days_for_payment INTEGER NOT NULL,"
          " billing_period TEXT NOT NULL,"
          " billing_day INTEGER,"
          " split_by_month INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX agreement_versions_agreement ON agreement_versions(agreement_id, effective_from)"),
        s("CREATE TABLE roles ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " description TEXT,"
          " role_group TEXT NOT NULL,"
          " system INTEGER NOT NULL DEFAULT 0,"
          " system_key TEXT UNIQUE,"
          " permissions TEXT NOT NULL DEFAULT '{}',"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE TABLE role_companies ("
          " role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " PRIMARY KEY (role_id, company_id))"),
        s("CREATE INDEX role_companies_company ON role_companies(company_id)"),
        s("CREATE TABLE users ("
          " id INTEGER PRIMARY KEY,"
          " kind TEXT NOT NULL,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " login TEXT NOT NULL,"
          " password_hash TEXT,"
          " first_name TEXT NOT NULL, middle_name TEXT, last_name TEXT NOT NULL,"
          " birthday TEXT, job_title TEXT, department TEXT,"
          " phone TEXT, email TEXT NOT NULL, country TEXT, language TEXT, time_zone TEXT,"
          " two_factor INTEGER NOT NULL DEFAULT 0,"
          " enabled INTEGER NOT NULL DEFAULT 1,"
          " no_restrictions INTEGER NOT NULL DEFAULT 0,"
          " last_login_at TEXT,"
          " password_changed_at TEXT,"
          " must_change_password INTEGER NOT NULL DEFAULT 1,"
          " activity_reset_at TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX users_company ON users(company_id)"),
        // Logins are unique regardless of case.
        s("CREATE UNIQUE INDEX users_login ON users(lower(login))"),
        s("CREATE TABLE user_roles ("
          " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
          " role_id INTEGER NOT NULL REFERENCES roles(id),"
          " PRIMARY KEY (user_id, role_id))"),
        s("CREATE INDEX user_roles_role ON user_roles(role_id)"),
        s("CREATE TABLE password_history ("
          " id INTEGER PRIMARY KEY,"
          " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
          " password_hash TEXT NOT NULL,"
          " changed_at TEXT NOT NULL)"),
        s("CREATE INDEX password_history_user ON password_history(user_id, changed_at)"),
        s("CREATE TABLE sessions ("
          " id INTEGER PRIMARY KEY,"
          " token_hash TEXT NOT NULL UNIQUE,"
          " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
          " ip_address TEXT,"
          " created_at TEXT NOT NULL,"
          " last_seen_at TEXT NOT NULL)"),
        s("CREATE INDEX sessions_user ON sessions(user_id)"),
        // The audit log keeps ids, not foreign keys: history must outlive what it describes.
        s("CREATE TABLE audit_log ("
          " id INTEGER PRIMARY KEY,"
          " time TEXT NOT NULL,"
          " user_id INTEGER,"
          " ip_address TEXT,"
          " table_name TEXT NOT NULL,"
          " operation TEXT NOT NULL,"
          " object_id INTEGER,"
          " old_value TEXT,"
          " new_value TEXT,"
          " company_id INTEGER)"),
        s("CREATE INDEX audit_log_time ON audit_log(time)"),
        s("CREATE INDEX audit_log_object ON audit_log(table_name, object_id)"),
        s("CREATE INDEX audit_log_user ON audit_log(user_id)"),
        s("CREATE INDEX audit_log_company ON audit_log(company_id)"),
        // The platform owner: the company every BackOffice staff user belongs to.
        s("INSERT INTO companies (id, name, enabled, type, is_platform_owner, created_at, updated_at)"
          " VALUES (1, 'System owner', 1, 'owner', 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'),"
          " strftime('%Y-%m-%dT%H:%M:%fZ','now'))"),
    };
}

} // namespace backoffice::server::schema
