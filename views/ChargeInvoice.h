#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

// Which invoice a charge is on. Charges do not name their invoice: the billing job sums into an
// invoice the charges of its agreement with chargedAt in [periodStart, periodEnd) (the server's
// InvoiceStore::groupCharges), so the invoice of a charge is found by the same rule.
namespace backoffice::views::chargeinvoice {

// The filters of GET invoices that return the charge's invoice among the first rows: its agreement's
// invoices ending at or after the charge, earliest end first. The range filter's lower bound is
// inclusive, so an invoice ending exactly at chargedAt (which does not hold it) may come first:
// two rows are asked for, and pick() decides.
QUrlQuery candidatesQuery(const QJsonObject &charge);

// Whether the invoice's period holds the charge: same agreement, periodStart <= chargedAt < periodEnd.
bool covers(const QJsonObject &invoice, const QJsonObject &charge);

// The candidate that holds the charge, or an empty object when none does (not invoiced yet).
QJsonObject pick(const QJsonArray &candidates, const QJsonObject &charge);

// How people refer to an invoice: its reference number ("INV-7"), or "#12 (draft)" before
// confirmation gives it one.
QString reference(const QJsonObject &invoice);

} // namespace backoffice::views::chargeinvoice
