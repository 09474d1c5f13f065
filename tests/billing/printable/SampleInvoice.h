#pragma once

#include <QJsonObject>
#include <QList>

namespace backoffice::printable::test {

// Contexts and rows as the invoice job will build them: every documented placeholder present, money
// computed and formatted with Amount (line amounts rounded half-up to cents, tax on the net), and
// names with characters that need escaping ("Hornes & Hooves").
QJsonObject sampleInvoiceContext(int lineCount);
QJsonObject sampleChargeDetailsContext(int rowCount);
QList<QJsonObject> sampleDetailRows(int rowCount);

} // namespace backoffice::printable::test
