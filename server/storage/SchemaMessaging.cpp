#include "Schema.h"

namespace backoffice::server::schema {

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

QStringList version6()
{
    return {
        s("CREATE TABLE vendor_smpp_connections ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " host TEXT NOT NULL,"
          " port INTEGER NOT NULL,"
          " system_id TEXT NOT NULL,"
          " password TEXT NOT NULL DEFAULT '',"   // sent in bind; never returned by the API
          " system_type TEXT,"
          " tls_mode TEXT NOT NULL DEFAULT 'none',"
          " limits_enabled INTEGER NOT NULL DEFAULT 0,"
          " rps_limit INTEGER,"
          " window_limit INTEGER,"
          " tlv_used INTEGER NOT NULL DEFAULT 0,"
          " inverted_address_mode INTEGER NOT NULL DEFAULT 0,"
          " status_map TEXT,"                     // JSON
          " failover_statuses TEXT,"
          " disabled INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE TABLE vendor_smpp_connection_companies ("
          " connection_id INTEGER NOT NULL REFERENCES vendor_smpp_connections(id) ON DELETE CASCADE,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " PRIMARY KEY (connection_id, company_id))"),
        s("CREATE TABLE client_smpp_connections ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " network TEXT NOT NULL,"
          " login TEXT NOT NULL UNIQUE,"
          " password_hash TEXT NOT NULL DEFAULT '',"  // argon2id, checked at bind
          " system_type TEXT,"
          " tls_mode TEXT NOT NULL DEFAULT 'none',"
          " default_data_coding TEXT NOT NULL,"
          " throughput_limit INTEGER,"
          " disabled INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE TABLE http_connections ("
          " id INTEGER PRIMARY KEY,"
          " name TEXT NOT NULL,"
          " vendor_type TEXT NOT NULL,"
          " vendor_url TEXT,"
          " service_id TEXT,"
          " template_url TEXT,"
          " media_url TEXT,"
          " authorization_url TEXT,"
          " api_token TEXT NOT NULL DEFAULT '',"
          " signature_key TEXT,"
          " limits_enabled INTEGER NOT NULL DEFAULT 0,"
          " rps_limit INTEGER,"
          " window_limit INTEGER,"
          " disabled INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE TABLE sender_ids ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " channel TEXT NOT NULL,"
          " sender_id TEXT NOT NULL,"
          " name TEXT NOT NULL,"
          " status TEXT NOT NULL,"
          " webhook_guid TEXT UNIQUE,"
          " sender_type TEXT,"
          " mcc TEXT,"
          " keyword TEXT,"
          " webhook_url TEXT,"
          " smpp_api_connection_id INTEGER REFERENCES client_smpp_connections(id),"
          " vendor_type TEXT NOT NULL,"
          " vendor_connection_id INTEGER REFERENCES vendor_smpp_connections(id),"
          " http_connection_id INTEGER REFERENCES http_connections(id),"
          " http_login TEXT,"
          " http_password TEXT NOT NULL DEFAULT '',"
          " service_type TEXT,"
          " notifications_enabled INTEGER NOT NULL DEFAULT 0,"
          " trigger_percent INTEGER,"
          " minimal_count INTEGER,"
          " window_minutes INTEGER,"
          " properties TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX sender_ids_sender ON sender_ids(channel, sender_id)"),
        s("CREATE INDEX sender_ids_agreement ON sender_ids(agreement_id)"),
        s("CREATE TABLE sender_id_failover_connections ("
          " sender_record_id INTEGER NOT NULL REFERENCES sender_ids(id) ON DELETE CASCADE,"
          " connection_id INTEGER NOT NULL REFERENCES vendor_smpp_connections(id),"
          " PRIMARY KEY (sender_record_id, connection_id))"),
        s("CREATE TABLE api_keys ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " name TEXT NOT NULL,"
          " callback_url TEXT,"
          " mo_callback_url TEXT,"
          " validity TEXT NOT NULL,"
          " expires_at TEXT,"
          " key_prefix TEXT NOT NULL DEFAULT '',"
          " key_hash TEXT NOT NULL DEFAULT '',"   // SHA-256 of the key (256 random bits: no stretching needed)
          " last_used_at TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL,"
          " UNIQUE (company_id, name))"),
        s("CREATE INDEX api_keys_hash ON api_keys(key_hash)"),
        // One row per message part sent (or refused) on behalf of a client.
        s("CREATE TABLE edrs ("
          " id INTEGER PRIMARY KEY,"
          " accepted_at TEXT NOT NULL,"
          " transaction_id TEXT NOT NULL,"       // one per recipient message, shared by its parts
          " message_id TEXT NOT NULL UNIQUE,"    // this part: what the client SMPP submit_sm_resp carried
          " part_number INTEGER NOT NULL,"
          " part_count INTEGER NOT NULL,"
          " company_id INTEGER REFERENCES companies(id),"
          " agreement_id INTEGER REFERENCES agreements(id),"
          " channel TEXT NOT NULL,"
          " sender_record_id INTEGER REFERENCES sender_ids(id),"
          " sender TEXT,"
          " destination TEXT,"
          " status TEXT NOT NULL,"
          " error_code TEXT,"
          " error_text TEXT,"
          " origin TEXT NOT NULL,"
          " client_connection_id INTEGER,"
          " api_key_id INTEGER,"
          " label TEXT,"
          " text TEXT,"
          " data_coding INTEGER,"
          " country TEXT,"
          " mcc_mnc TEXT,"
          " network TEXT,"
          " vendor_connection_id INTEGER,"    // SMPP
          " http_connection_id INTEGER,"      // HTTP vendors
          " vendor_message_id TEXT,"
          " vendor_status TEXT,"
          " attempts INTEGER NOT NULL DEFAULT 0,"
          " submitted_at TEXT,"
          " done_at TEXT,"
          " enabled_service_id INTEGER,"
          " service_id INTEGER,"
          " price INTEGER,"                       // micro-units, for this part
          " currency TEXT,"
          " billing_rule TEXT,"
          " charged_at TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX edrs_accepted ON edrs(accepted_at)"),
        s("CREATE INDEX edrs_transaction ON edrs(transaction_id)"),
        s("CREATE INDEX edrs_company ON edrs(company_id, accepted_at)"),
        s("CREATE INDEX edrs_vendor_message ON edrs(vendor_connection_id, vendor_message_id)"),
        // Money written off an agreement. (source, edr_id) is unique: a part is charged once.
        s("CREATE TABLE charges ("
          " id INTEGER PRIMARY KEY,"
          " charged_at TEXT NOT NULL,"
          " transaction_id TEXT NOT NULL,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " source TEXT NOT NULL,"
          " edr_id INTEGER REFERENCES edrs(id),"
          " service_id INTEGER,"
          " enabled_service_id INTEGER,"
          " sender_record_id INTEGER,"
          " description TEXT,"
          " units INTEGER NOT NULL,"
          " unit_price INTEGER NOT NULL,"
          " amount INTEGER NOT NULL,"
          " currency TEXT NOT NULL,"
          " band TEXT,"
          " invoice_id INTEGER,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE UNIQUE INDEX charges_edr ON charges(source, edr_id) WHERE edr_id IS NOT NULL"),
        s("CREATE INDEX charges_agreement ON charges(agreement_id, charged_at)"),
        // The running balance of each agreement in its currency: + payments − charges. Kept with
        // every charge in the same transaction, so reading it never sums the charges.
        s("CREATE TABLE agreement_balances ("
          " agreement_id INTEGER PRIMARY KEY REFERENCES agreements(id) ON DELETE CASCADE,"
          " currency TEXT NOT NULL,"
          " balance INTEGER NOT NULL,"
          " charged_total INTEGER NOT NULL DEFAULT 0,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE TABLE notifications ("
          " id INTEGER PRIMARY KEY,"
          " kind TEXT NOT NULL,"
          " subject TEXT NOT NULL,"
          " body TEXT,"
          " company_id INTEGER REFERENCES companies(id),"
          " sender_record_id INTEGER REFERENCES sender_ids(id) ON DELETE SET NULL,"
          " acknowledged INTEGER NOT NULL DEFAULT 0,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        // Callbacks to clients (DLR and MO), one row per callback with its attempts.
        s("CREATE TABLE callbacks ("
          " id INTEGER PRIMARY KEY,"
          " created_at TEXT NOT NULL,"
          " edr_id INTEGER REFERENCES edrs(id),"
          " url TEXT NOT NULL,"
          " body TEXT NOT NULL,"
          " state TEXT NOT NULL,"                 // pending | delivered | failed
          " attempts INTEGER NOT NULL DEFAULT 0,"
          " next_attempt_at TEXT,"
          " last_result TEXT,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX callbacks_pending ON callbacks(state, next_attempt_at)"),
        s("CREATE TABLE callback_attempts ("
          " id INTEGER PRIMARY KEY,"
          " callback_id INTEGER NOT NULL REFERENCES callbacks(id) ON DELETE CASCADE,"
          " attempted_at TEXT NOT NULL,"
          " http_status INTEGER,"                 // NULL: no HTTP answer (refused, timed out)
          " result TEXT NOT NULL)"),
        s("CREATE INDEX callback_attempts_callback ON callback_attempts(callback_id)"),
        // Delivery receipts and MO messages for client SMPP connections that are not bound.
        s("CREATE TABLE smpp_outbox ("
          " id INTEGER PRIMARY KEY,"
          " client_connection_id INTEGER NOT NULL REFERENCES client_smpp_connections(id) ON DELETE CASCADE,"
          " created_at TEXT NOT NULL,"
          " pdu BLOB NOT NULL)"),               // an encoded deliver_sm body
        s("CREATE INDEX smpp_outbox_connection ON smpp_outbox(client_connection_id, id)"),
    };
}

QStringList version7()
{
    return {
        // A number a company must not send to: with one sender ID, or (no sender) with any.
        s("CREATE TABLE stop_list ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " number TEXT NOT NULL,"             // international digits without '+'
          " sender_record_id INTEGER REFERENCES sender_ids(id),"
          " reason TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE UNIQUE INDEX stop_list_entry ON stop_list(company_id, number, coalesce(sender_record_id, 0))"),
    };
}

} // namespace backoffice::server::schema
