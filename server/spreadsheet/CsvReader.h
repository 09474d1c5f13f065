#pragma once

#include "SheetBuilder.h"
#include "SheetReader.h"

#include <QStringView>

namespace backoffice::spreadsheet {

// Reads delimited text (RFC 4180): fields in double quotes may hold delimiters, line breaks and
// doubled quotes; records end with CRLF, LF or a lone CR (old Mac exports). Spaces around unquoted
// fields are trimmed, since hand-edited sheets often have "DE, 0.0045". Where files break the
// RFC, the reader does what Excel does: a quote inside an unquoted field is kept as text, and text
// after a closing quote is appended. A quote that is never closed is an error, since it would
// silently swallow the rest of the file into one cell.
class CsvReader final
{
public:
    explicit CsvReader(const ReadOptions &options);

    std::variant<Sheet, ReadError> read(const QByteArray &data);

    // Picks the delimiter among , ; tab | from the first records of the text: the one that
    // splits most records into the same number of fields.
    static QChar detectDelimiter(QStringView text);

private:
    bool readRecords(QStringView text);
    // Reads one field starting at m_pos; leaves m_pos on the delimiter, the line break or the end.
    bool readField(qint64 row, int column);
    bool readQuotedField(qint64 row, int column, QString *text);
    // Spaces and tabs around unquoted fields are trimmed, unless they are the delimiter.
    bool isSpace(QChar c) const { return (c == u' ' || c == u'\t') && c != m_delimiter; }

    ReadOptions m_options;
    SheetBuilder m_builder;
    const QChar *m_begin = nullptr;
    const QChar *m_pos = nullptr;
    const QChar *m_end = nullptr;
    QChar m_delimiter;
};

} // namespace backoffice::spreadsheet
