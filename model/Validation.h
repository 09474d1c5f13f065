#pragma once

#include <QString>
#include <QStringList>

// Format checks for identifiers people type into forms: bank codes, account numbers, addresses.
// Pure functions, shared by the server (which refuses bad input) and the desktop (which flags it
// before sending). They answer "is this well formed", never "does this exist".
namespace backoffice::validation {

// SWIFT/BIC: 8 or 11 characters once surrounding white space is trimmed, upper-case only:
// 4 letters (bank), 2 letters (an ISO 3166-1 country), 2 letters or digits (location),
// optionally 3 letters or digits (branch). "DEUTDEFF", "DEUTDEFF500".
bool isValidSwift(const QString &code);

// Upper-case, white space removed: "de89 3704 0044 0532 0130 00" -> "DE89370400440532013000".
QString normalizeIban(const QString &number);

// Has the shape of an IBAN once normalised: 2 letters, 2 digits, then letters or digits, 15 to 34
// characters in all. Used to decide whether an account number should be checked as an IBAN at all.
bool looksLikeIban(const QString &number);

// A well-formed IBAN: the shape above, the length the IBAN registry sets for its country, and the
// ISO 7064 mod-97 check digits. Spaces and lower case are accepted (normalised first).
bool isValidIban(const QString &number);

// A pragmatic address check (what mail servers accept in practice, not every RFC 5322 form):
// local@domain, local part of 1..64 characters without leading, trailing or doubled dots,
// a domain of at least two labels of letters, digits and inner hyphens, a top-level label that is
// not all digits, 254 characters at most. Non-ASCII domains are checked in their ACE form.
bool isValidEmail(const QString &address);

// The entries of a comma-separated list that are not valid addresses, trimmed, in list order.
// Empty entries (", ,", a trailing comma) are ignored; an empty list is valid.
QStringList invalidEmails(const QString &commaSeparatedList);

// International format: '+', then 6 to 15 digits, the first not 0; single spaces or dashes may
// separate digit groups ("+34 600-123-456").
bool isValidPhone(const QString &number);

} // namespace backoffice::validation
