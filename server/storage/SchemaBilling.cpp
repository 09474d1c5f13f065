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

QStringList version9()
{
    return {
        // Tax and numbering of the invoices an own legal entity issues.
        s("ALTER TABLE own_legal_entities ADD COLUMN tax_rate INTEGER"), // percent in micro-units: 21% = 21000000
        s("ALTER TABLE own_legal_entities ADD COLUMN tax_label TEXT"),
        s("ALTER TABLE own_legal_entities ADD COLUMN invoice_prefix TEXT"),
        // One invoice per agreement and billing period (BO §7.2). It covers the agreement's charges
        // with charged_at in [period_start, period_end): periods tile time, so every charge is in
        // exactly one invoice. Amounts in micro-units of the agreement's currency; net, tax and
        // total are sums of the lines, each line rounded once to cents.
        s("CREATE TABLE invoices ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " own_legal_entity_id INTEGER NOT NULL REFERENCES own_legal_entities(id),"
          " direction TEXT NOT NULL,"              // receivable | payable
          " period_start TEXT NOT NULL,"
          " period_end TEXT NOT NULL,"
          " time_zone TEXT NOT NULL,"
          " billing_period TEXT NOT NULL,"
          " status TEXT NOT NULL,"                 // DRAFT | CONFIRMED
          " reference_number TEXT,"
          " issue_date TEXT,"
          " due_date TEXT,"
          " currency TEXT NOT NULL,"
          " net INTEGER NOT NULL DEFAULT 0,"
          " tax INTEGER NOT NULL DEFAULT 0,"
          " total INTEGER NOT NULL DEFAULT 0,"
          " tax_rate INTEGER NOT NULL DEFAULT 0,"
          " tax_label TEXT,"
          " charge_count INTEGER NOT NULL DEFAULT 0,"
          " comment TEXT,"
          " calculated_at TEXT,"
          " confirmed_at TEXT,"
          " confirmed_by INTEGER,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL,"
          " UNIQUE (agreement_id, period_start))"),
        s("CREATE UNIQUE INDEX invoices_reference ON invoices(own_legal_entity_id, reference_number)"
          " WHERE reference_number IS NOT NULL"),
        s("CREATE INDEX invoices_company ON invoices(company_id, period_start)"),
        // The invoice's charges, grouped: one line per source, service, sender ID, rate and tier.
        s("CREATE TABLE invoice_lines ("
          " id INTEGER PRIMARY KEY,"
          " invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,"
          " source TEXT NOT NULL,"
          " service_id INTEGER,"
          " sender_record_id INTEGER,"
          " unit_price INTEGER NOT NULL,"
          " band TEXT,"
          " description TEXT NOT NULL,"
          " charge_count INTEGER NOT NULL,"
          " volume INTEGER NOT NULL,"
          " exact_net INTEGER NOT NULL,"          // Σ charge amounts, six decimals
          " net INTEGER NOT NULL,"                // exact_net rounded half up to cents
          " tax INTEGER NOT NULL,"
          " total INTEGER NOT NULL)"),
        s("CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id)"),
        // The last reference number each own legal entity gave out.
        s("CREATE TABLE invoice_sequences ("
          " own_legal_entity_id INTEGER PRIMARY KEY REFERENCES own_legal_entities(id),"
          " last_number INTEGER NOT NULL)"),
    };
}

QStringList version10()
{
    return {
        // A pack's cost is written off once, at its effective-from (BO §6.4): one charge per enabled pack.
        s("CREATE UNIQUE INDEX charges_pack_purchase ON charges(enabled_service_id) WHERE source = 'packPurchase'"),
    };
}

QStringList version11()
{
    return {
        // What a part took from a pack (BO §6.4): units of a unit or bundle pack, micro-units of a
        // monetary pack. The pack's sub-balance is its size less the sum of these; the agreement's
        // money balance does not move for them.
        s("ALTER TABLE edrs ADD COLUMN pack_debit INTEGER"),
        s("ALTER TABLE charges ADD COLUMN pack_debit INTEGER"),
        s("CREATE INDEX charges_pack_debit ON charges(enabled_service_id) WHERE pack_debit IS NOT NULL"),
        // A bundle pack with auto-extend is bought again each time it is used up: one purchase
        // charge per round, told apart by the transaction id.
        s("ALTER TABLE enabled_services ADD COLUMN auto_extend INTEGER NOT NULL DEFAULT 0"),
        s("ALTER TABLE enabled_services ADD COLUMN rounds INTEGER NOT NULL DEFAULT 1"),
        s("DROP INDEX charges_pack_purchase"),
        s("CREATE UNIQUE INDEX charges_pack_purchase ON charges(enabled_service_id, transaction_id) WHERE source = 'packPurchase'"),
        // Back-to-first scales are charged part by part at the band reached so far; once the period
        // is over a correction brings the period to volume × the final band's price. The counter
        // keeps what its parts were charged, the correction's transaction id names the counter.
        s("ALTER TABLE rating_volume_counters ADD COLUMN charged INTEGER NOT NULL DEFAULT 0"),
        s("ALTER TABLE rating_volume_counters ADD COLUMN back_to_first INTEGER NOT NULL DEFAULT 0"),
        // The units and charged amount at which the job last found nothing to correct: it reads a
        // counter again only once late parts changed it.
        s("ALTER TABLE rating_volume_counters ADD COLUMN checked_units INTEGER"),
        s("ALTER TABLE rating_volume_counters ADD COLUMN checked_charged INTEGER"),
        s("CREATE INDEX charges_scale_adjustment ON charges(transaction_id) WHERE source = 'scaleAdjustment'"),
        // The scale volume a part was priced against (before it), so an EDR rerate prices a tier
        // again where the part fell rather than at the period's volume when the rerate runs.
        s("ALTER TABLE edrs ADD COLUMN period_volume INTEGER"),
    };
}

QStringList version12()
{
    return {
        // A request to price past EDRs again (BO §7.5): the filter (company, optional agreement and
        // channels, accepted_at in [time_from, time_till)), the status and the counters. The job
        // walks the matching EDRs in (accepted_at, id) order; cursor_* is where it got to, so a
        // restart goes on from there.
        s("CREATE TABLE rerate_tasks ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER REFERENCES agreements(id),"
          " time_from TEXT NOT NULL,"
          " time_till TEXT NOT NULL,"
          " channels TEXT,"                         // JSON array of channel keys; empty: every channel
          " scheduled_for TEXT,"
          " status TEXT NOT NULL DEFAULT 'DRAFT',"  // DRAFT | SCHEDULED | RUNNING | COMPLETE | CANCELED
          " estimated_count INTEGER NOT NULL DEFAULT 0,"
          " processed_count INTEGER NOT NULL DEFAULT 0,"
          " updated_count INTEGER NOT NULL DEFAULT 0,"
          " failed_count INTEGER NOT NULL DEFAULT 0,"
          " error_message TEXT,"
          " started_at TEXT,"
          " completed_at TEXT,"
          " cursor_accepted_at TEXT,"
          " cursor_edr_id INTEGER NOT NULL DEFAULT 0,"
          " updated_by INTEGER REFERENCES users(id),"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX rerate_tasks_due ON rerate_tasks(status, scheduled_for)"),
        // An adjustment names the task that wrote it. An EDR is charged once per source (traffic,
        // trafficRefund) and adjusted at most once per task, so a later task can adjust it again.
        // Both indexes lead with edr_id: what an EDR has cost so far is read through them.
        s("ALTER TABLE charges ADD COLUMN rerate_task_id INTEGER REFERENCES rerate_tasks(id)"),
        s("DROP INDEX charges_edr"),
        s("CREATE UNIQUE INDEX charges_edr ON charges(edr_id, source) WHERE edr_id IS NOT NULL AND rerate_task_id IS NULL"),
        s("CREATE UNIQUE INDEX charges_rerate ON charges(edr_id, rerate_task_id) WHERE rerate_task_id IS NOT NULL"),
    };
}

QStringList version13()
{
    return {
        // A sender ID's setup fee (BO §6.5), written off once: one row per sender ID. The row is
        // written with its audit record; the charge follows through the messaging engine's writer
        // (its in-memory balances must see it), and the billing job writes the charge of any row
        // still without one (after a crash between the two).
        s("CREATE TABLE sender_id_setup_fees ("
          " id INTEGER PRIMARY KEY,"
          " sender_record_id INTEGER UNIQUE REFERENCES sender_ids(id) ON DELETE SET NULL,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " mno TEXT,"
          " sender_id_type TEXT,"
          " service_id INTEGER,"
          " amount INTEGER NOT NULL,"                  // micro-units of currency
          " currency TEXT NOT NULL,"
          " transaction_id TEXT NOT NULL UNIQUE,"
          " charge_description TEXT NOT NULL,"
          " charged_at TEXT NOT NULL,"
          " user_id INTEGER,"
          " created_at TEXT NOT NULL)"),
        // Rules charging a sender ID's usage fee every month or week, N days before each period.
        s("CREATE TABLE sender_id_fee_rules ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " sender_record_id INTEGER NOT NULL REFERENCES sender_ids(id),"
          " effective_from TEXT NOT NULL,"
          " effective_till TEXT,"
          " period TEXT NOT NULL,"                      // monthly | weekly
          " start_day INTEGER NOT NULL,"                // 1..28, or weekday 1 (Monday) .. 7
          " charge_days_before INTEGER NOT NULL DEFAULT 0,"
          " retry_hours INTEGER NOT NULL DEFAULT 1,"
          " max_retries INTEGER NOT NULL DEFAULT 3,"
          " sender_id_type TEXT,"
          " mno TEXT,"
          " enabled INTEGER NOT NULL DEFAULT 1,"
          " last_error TEXT,"
          " last_error_at TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX sender_id_fee_rules_sender ON sender_id_fee_rules(sender_record_id)"),
        // One row per rule and period: the unique pair keeps the job to one charge per period
        // across restarts. state pending (priced at next_attempt_at) -> charged | failed.
        s("CREATE TABLE sender_id_fee_periods ("
          " id INTEGER PRIMARY KEY,"
          " rule_id INTEGER NOT NULL REFERENCES sender_id_fee_rules(id) ON DELETE CASCADE,"
          " period_start TEXT NOT NULL,"
          " period_end TEXT NOT NULL,"
          " due_at TEXT NOT NULL,"
          " state TEXT NOT NULL,"
          " attempts INTEGER NOT NULL DEFAULT 0,"
          " next_attempt_at TEXT,"
          " last_error TEXT,"
          " service_id INTEGER,"
          " amount INTEGER,"
          " currency TEXT,"
          " transaction_id TEXT NOT NULL UNIQUE,"
          " charge_description TEXT,"
          " charged_at TEXT,"
          " updated_at TEXT NOT NULL,"
          " UNIQUE (rule_id, period_start))"),
        s("CREATE INDEX sender_id_fee_periods_pending ON sender_id_fee_periods(state, next_attempt_at)"),
        // Additional fees (BO §7.4), issued (written off) when created.
        s("CREATE TABLE additional_fees ("
          " id INTEGER PRIMARY KEY,"
          " company_id INTEGER NOT NULL REFERENCES companies(id),"
          " agreement_id INTEGER NOT NULL REFERENCES agreements(id),"
          " description TEXT,"
          " fee_type TEXT NOT NULL,"                    // fixed | byTariff
          " pre_rated_cost INTEGER,"
          " additional_service TEXT,"
          " volume INTEGER,"
          " corrects_fee_id INTEGER REFERENCES additional_fees(id),"
          " unit_price INTEGER,"
          " amount INTEGER NOT NULL,"
          " currency TEXT NOT NULL,"
          " service_id INTEGER,"
          " issued INTEGER NOT NULL DEFAULT 0,"
          " issued_at TEXT,"
          " transaction_id TEXT NOT NULL UNIQUE,"
          " charge_description TEXT,"
          " user_id INTEGER,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)"),
        s("CREATE INDEX additional_fees_agreement ON additional_fees(agreement_id)"),
        s("CREATE INDEX additional_fees_issued ON additional_fees(issued_at)"),
        s("CREATE INDEX sender_id_setup_fees_charged ON sender_id_setup_fees(charged_at)"),
        s("CREATE INDEX sender_id_fee_periods_charged ON sender_id_fee_periods(charged_at)"),
        // Each fee's charge exists once, whoever hands it to the writer and how often.
        s("CREATE UNIQUE INDEX charges_fee_transaction ON charges(transaction_id)"
          " WHERE source IN ('senderIdSetupFee', 'senderIdPeriodicFee', 'additionalFee')"),
    };
}

QStringList version14()
{
    return {
        // How each charge was priced (BO §7.2 charge details): an invoice line groups charges with
        // the same terms, so a flat rate, each scale tier and pack-covered parts are lines of their own.
        s("ALTER TABLE charges ADD COLUMN price_type TEXT"),   // flat | scale | free | included | manual
        s("ALTER TABLE charges ADD COLUMN scale_type TEXT"),   // tier | backToFirst
        s("ALTER TABLE charges ADD COLUMN scale_tier INTEGER"),
        s("ALTER TABLE charges ADD COLUMN scale_group TEXT"),  // agreement | senderId
        s("ALTER TABLE charges ADD COLUMN rate_id INTEGER"),
        // Charges written before kept no terms: the band text tells a scale, a zero amount a pack or
        // a free rate, a fixed additional fee was typed in; everything else had one flat price.
        s("UPDATE charges SET price_type = CASE"
          " WHEN band IS NOT NULL THEN 'scale'"
          " WHEN pack_debit IS NOT NULL AND amount = 0 THEN 'included'"
          " WHEN amount = 0 THEN 'free'"
          " WHEN source = 'additionalFee' THEN 'manual'"
          " ELSE 'flat' END"),
        s("UPDATE charges SET scale_type = 'backToFirst' WHERE band LIKE 'back-to-first%'"),
        s("ALTER TABLE invoice_lines ADD COLUMN price_type TEXT"),
        s("ALTER TABLE invoice_lines ADD COLUMN scale_type TEXT"),
        s("ALTER TABLE invoice_lines ADD COLUMN scale_tier INTEGER"),
        s("ALTER TABLE invoice_lines ADD COLUMN scale_group TEXT"),
        s("ALTER TABLE invoice_lines ADD COLUMN rate_id INTEGER"),
    };
}

} // namespace backoffice::server::schema
