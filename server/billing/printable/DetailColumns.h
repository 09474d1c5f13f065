#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace backoffice::printable {

// What a charge detail column holds; it decides validation, and how the XLSX cell is written.
enum class DetailKind {
    Text, // any text
    Integer, // digits with an optional '-': ids, counts
    Decimal, // money and rates as Amount::toString() writes them: "-12.50", "0.004210" (at most 6 decimals)
};

struct DetailColumn final {
    QString key; // the key in the row object ("senderId")
    QString label; // the heading in CSV and XLSX ("Sender ID")
    DetailKind kind;
};

// The fixed columns of a charge details file, in file order (docs/PRINTABLE-FORMS.md lists them):
// chargeId, source, periodStart, periodEnd, service, resource, senderId, rateId, price, count,
// volume, net, tax, total, currency.
//
// A row is a JSON object with exactly these keys. Every value is text, or null where the column
// does not apply (no sender ID on a monthly fee): numbers come formatted by the caller, as for the
// print templates, so no value ever passes through double on the way in. A missing or unknown key
// is an error, not an empty cell: it is a caller's typo, and a details file with a silently empty
// "net" column is one a customer disputes.
class DetailColumns final
{
public:
    static const QList<DetailColumn> &all();
    static QStringList labels();

    // The rows as cell text in column order (null becomes ""), or nullopt with *error listing the
    // first problems, each with its 1-based row number.
    static std::optional<QList<QStringList>> cells(const QList<QJsonObject> &rows, QString *error);
};

} // namespace backoffice::printable
