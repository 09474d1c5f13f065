#include "SheetFormat.h"

namespace backoffice::spreadsheet {

namespace {

// Local file header of a ZIP archive: every XLSX starts with one.
constexpr char ZipMagic[] = "PK\x03\x04";
// OLE2 compound document header: the container of XLS (and of old .doc files).
constexpr char Ole2Magic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

bool startsWith(const QByteArray &head, const char *magic, qsizetype length)
{
    return head.size() >= length && head.startsWith(QByteArrayView(magic, length));
}

// Text has no NUL bytes, except UTF-16 text, which announces itself with a byte order mark (the
// CSV reader only accepts UTF-16 with one). Other control bytes are rare in text but do occur
// (form feeds, stray escapes), so NUL is the only test.
bool looksLikeText(const QByteArray &head)
{
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return true;
    return !head.contains('\0');
}

} // namespace

std::optional<SheetFormat> detectFormat(const QByteArray &head, const QString &fileName)
{
    if (startsWith(head, ZipMagic, 4))
        return SheetFormat::Xlsx;
    if (startsWith(head, Ole2Magic, 8))
        return SheetFormat::Xls;

    const QString name = fileName.toLower();
    // A damaged workbook still goes to its reader, which can say what is wrong with it.
    if (name.endsWith(u".xlsx") || name.endsWith(u".xlsm"))
        return SheetFormat::Xlsx;
    if (name.endsWith(u".xls"))
        return SheetFormat::Xls;
    if (name.endsWith(u".csv") || name.endsWith(u".txt") || name.endsWith(u".tsv"))
        return SheetFormat::Csv;
    if (looksLikeText(head))
        return SheetFormat::Csv;
    return std::nullopt;
}

QString formatName(SheetFormat format)
{
    switch (format) {
    case SheetFormat::Csv: return QStringLiteral("CSV");
    case SheetFormat::Xlsx: return QStringLiteral("XLSX");
    case SheetFormat::Xls: return QStringLiteral("XLS");
    }
    return {};
}

} // namespace backoffice::spreadsheet
