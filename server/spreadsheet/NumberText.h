#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace backoffice::spreadsheet {

// Spreadsheets store numbers as binary doubles, so a rate typed as 0.0045 arrives as
// 0.004499999999999999659... (XLSX writes it as "4.4999999999999997E-3" or similar; FreeXL hands
// over the double). Money must be exact downstream (model/Amount parses decimal text), so the
// readers turn every number into the decimal text the user saw: the shortest decimal that reads
// back as the same double, rounded to 15 significant digits when even that needs more (15 is what
// a double always holds and what Excel shows), in plain notation without exponent: "0.0045",
// "1000", "-0.25". nullopt for NaN and infinities, which no cell can hold.
std::optional<QString> numberText(double value);

// The same for a number written as text (the <v> of an XLSX cell): nullopt if it is not a number.
std::optional<QString> numberText(QStringView text);

} // namespace backoffice::spreadsheet
