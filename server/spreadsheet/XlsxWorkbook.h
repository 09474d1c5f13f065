#pragma once

#include "SheetReader.h"
#include "ZipArchive.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

class QXmlStreamReader;

namespace backoffice::spreadsheet {

// The structure of an XLSX package: the ZIP container, the sheets listed in xl/workbook.xml and
// the parts they live in (from xl/_rels/workbook.xml.rels), the shared strings and styles parts,
// and the date system. Cells are XlsxReader's business.
class XlsxWorkbook final
{
public:
    struct SheetPart {
        QString name;
        QString part; // e.g. "xl/worksheets/sheet1.xml"
    };

    std::optional<ReadError> open(const QByteArray &data, const ReadLimits &limits);

    const QList<SheetPart> &sheets() const { return m_sheets; }
    QStringList sheetNames() const;
    QString sharedStringsPart() const { return m_sharedStringsPart; } // empty when there is none
    QString stylesPart() const { return m_stylesPart; } // empty when there is none
    bool date1904() const { return m_date1904; }

    // Opens `part` and runs `parse` over it (size: the part's uncompressed size, for progress).
    // A ZIP or XML error becomes "The XLSX file is damaged: ..."; `parse` may stop early.
    std::optional<ReadError> parsePart(const QString &part,
                                       const std::function<void(QXmlStreamReader &xml, qint64 size)> &parse) const;

private:
    std::optional<ReadError> readWorkbook();
    std::optional<ReadError> readRelationships();

    ZipArchive m_zip;
    QList<SheetPart> m_sheets;
    QString m_sharedStringsPart;
    QString m_stylesPart;
    bool m_date1904 = false;
};

// "The XLSX file is damaged: <what>".
ReadError damagedXlsx(const QString &what);

} // namespace backoffice::spreadsheet
