#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

class QXmlStreamReader;

namespace backoffice::spreadsheet {

// What a number format shows a serial number as.
enum class DateKind { None, Date, Time, DateTime };

// XLSX stores dates as numbers (days since 1900 or 1904) and says only through the cell's style
// that they are dates. A rate sheet's effective dates must arrive as dates, as they do from XLS
// (FreeXL does the same), so the reader learns from xl/styles.xml which styles show dates.
class XlsxStyles final
{
public:
    // Reads <numFmts> and <cellXfs> of styles.xml; leaves other elements alone.
    void read(QXmlStreamReader &xml);

    // The kind of style `styleIndex` (the s attribute of a cell); None for unknown indexes.
    DateKind dateKind(int styleIndex) const;

private:
    QList<DateKind> m_styleKinds;
};

// The kind of a number format code such as "yyyy-mm-dd", "[h]:mm:ss" or "#,##0.00".
DateKind dateKindOfFormat(QStringView formatCode);

// A serial day number as ISO text: "2024-03-01", "08:30:00" or "2024-03-01 08:30:00"; nullopt
// for serials no spreadsheet shows as a date (negative, or past 9999-12-31).
std::optional<QString> serialDateText(double serial, DateKind kind, bool date1904);

} // namespace backoffice::spreadsheet
