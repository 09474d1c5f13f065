#pragma once

#include "SheetBuilder.h"
#include "SheetReader.h"
#include "XlsxStyles.h"
#include "XlsxWorkbook.h"

#include <QStringList>

class QXmlStreamReader;

namespace backoffice::spreadsheet {

// Reads one worksheet of an XLSX workbook into text cells. The sheet XML is streamed (QXmlStreamReader
// over the ZIP entry), so memory grows with the cells kept, not with the file. Numbers become
// exact decimal text (NumberText), date-formatted numbers ISO dates, booleans TRUE/FALSE, error
// cells their text (#N/A). A formula is refused: a rate sheet must hold the values themselves,
// and the cached result of a formula may be stale or depend on other files.
class XlsxReader final
{
public:
    explicit XlsxReader(const ReadOptions &options);

    std::variant<QStringList, ReadError> sheetNames(const QByteArray &data);
    std::variant<Sheet, ReadError> read(const QByteArray &data);

private:
    std::optional<ReadError> readSharedStrings();
    void readSheetData(QXmlStreamReader &xml, qint64 size);
    // Reads the <c> element at the reader; *column is the previous cell's column on entry.
    bool readCell(QXmlStreamReader &xml, qint64 *row, int *column);
    std::optional<QString> cellText(QStringView type, const QString &value, int style) const;

    ReadOptions m_options;
    SheetBuilder m_builder;
    XlsxWorkbook m_workbook;
    XlsxStyles m_styles;
    QStringList m_sharedStrings;
};

// The text of a <t>, <is> or <si> run with OOXML's escapes of control characters ("_x000D_")
// turned back into the characters.
QString unescapeOoxml(QString text);

} // namespace backoffice::spreadsheet
