#include "Schema.h"

namespace backoffice::server::schema {

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

QStringList version8()
{
    return {
        // Money paid in or out for an agreement (BO §7.1). amount is in the payment's currency,
        // replenishment_amount what reaches the balance, in the agreement's currency. counted says
        // whether the payment is in the balance right now: confirmed ones are, unconfirmed ones until
        // expires_at (the end of the confirm-before day in the agreement's billing time zone).
        s("CREATE TABLE payments ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " payment_date TEXT NOT NULL,"
          " reference_code TEXT NOT NULL,"
          " direction TEXT NOT NULL,"               // inbound | outbound
          " amount INTEGER NOT NULL,"               // micro-units of currency
          " currency TEXT NOT NULL,"
          " replenishment_amount INTEGER NOT NULL," // micro-units of agreement_currency
          " agreement_currency TEXT NOT NULL,"
          " exchange_rate TEXT,"
          " exchange_rate_date TEXT,"
          " description TEXT,"
          " confirmed INTEGER NOT NULL DEFAULT 0,"
          " confirm_before TEXT,"
          " expires_at TEXT,"
          " counted_in_balance INTEGER NOT NULL DEFAULT 0,"
          " confirmed_at TEXT,"
          " source TEXT NOT NULL DEFAULT 'manual',"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX payments_agreement ON payments(agreement_id, payment_date)"),
        s("CREATE INDEX payments_expiring ON payments(expires_at) WHERE counted_in_balance = 1 AND confirmed = 0"),
        // Every change of a balance that is not a charge: the ledger shows these one by one and the
        // charges summed per day. The messaging engine follows them by id to keep its in-memory
        // balances in step.
        s("CREATE TABLE balance_movements ("
          " id INTEGER PRIMARY KEY,"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " at TEXT NOT NULL,"
          " kind TEXT NOT NULL,"
          " amount INTEGER NOT NULL,"               // signed micro-units of the agreement's currency
          " currency TEXT NOT NULL,"
          " payment_id INTEGER,"                    // no reference: the movement outlives a deleted payment
          " description TEXT NOT NULL,"
          " user_id INTEGER)"),
        s("CREATE INDEX balance_movements_agreement ON balance_movements(agreement_id, at)"),
        // Below this balance the agreement raises a low-balance notification (once per crossing).
        s("ALTER TABLE agreements ADD COLUMN low_balance_threshold INTEGER"),
    };
}

} // namespace backoffice::server::schema
