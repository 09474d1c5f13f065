#pragma once

#include <QStringList>

namespace backoffice::server::schema {

// The statements of each schema version. Never edit a released version: add the next one.
QStringList version1();
// Services, their scopes and rate trees (server/storage/SchemaRating.cpp).
QStringList version2();
// Number prefix table for destination resolution (server/storage/SchemaDictionaries.cpp).
QStringList version3();
// Enabled services and scale volume counters (server/storage/SchemaRating.cpp).
QStringList version4();
// An index for the rate tree's parent link (server/storage/SchemaRating.cpp).
QStringList version5();
// Connections, sender IDs, API keys, EDRs, charges, balances, callbacks (server/storage/SchemaMessaging.cpp).
QStringList version6();
// The stop list of numbers not to send to (server/storage/SchemaMessaging.cpp).
QStringList version7();
// Payments, the balance ledger and low-balance thresholds (server/storage/SchemaBilling.cpp).
QStringList version8();
// Invoices, their lines and numbering, taxes of own legal entities (server/storage/SchemaBilling.cpp).
QStringList version9();
// One pack purchase charge per enabled pack (server/storage/SchemaBilling.cpp).
QStringList version10();
// Pack sub-balances (what each part took from a pack), bundle packs that extend themselves, and
// what back-to-first scale counters were charged (server/storage/SchemaBilling.cpp).
QStringList version11();
// EDR rerate tasks and the adjustment charges they write (server/storage/SchemaBilling.cpp).
QStringList version12();
// Sender ID setup fees, periodic fee rules and their periods, additional fees (server/storage/SchemaBilling.cpp).
QStringList version13();
// The price terms of charges and invoice lines: price type, scale type, tier and group, rate
// (server/storage/SchemaBilling.cpp).
QStringList version14();
// Rerate tasks keep their first EDR failure apart from the error people read (server/storage/SchemaRerate.cpp).
QStringList version15();

} // namespace backoffice::server::schema
