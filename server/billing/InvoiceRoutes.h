#pragma once

namespace backoffice::server {

class Database;
class EntityService;
class Router;

// What staff do with an invoice besides reading it (BO §7.2):
//   POST invoices/{id}/recalculate  a draft's lines again from its period's charges (invoices: Manage)
//   POST invoices/{id}/confirm      DRAFT → CONFIRMED with reference number, issue and due date, once
//                                   the period is over (invoices: Manage)
//   GET  invoices/{id}/pdf          the invoice as printed (invoices: View)
//   GET  invoices/{id}/details      ZIP with the PDF and the charge details as CSV and XLSX (invoices: View)
// Answers of the two POSTs are the invoice as GET invoices/{id} shows it.
void addInvoiceRoutes(Router &router, Database &database, EntityService &entities);

} // namespace backoffice::server
