#include "XlsReader.h"

#include "NumberText.h"

#include <freexl.h>

namespace backoffice::spreadsheet {

namespace {

ReadError xlsError(const QString &message)
{
    ReadError error;
    error.message = message;
    return error;
}

// FreeXL's error codes in words for staff.
QString describe(int code)
{
    switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY: return QStringLiteral("there is not enough memory to read it");
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
        // Encrypted workbooks (XLS and XLSX alike) are compound files without a Workbook stream.
        return QStringLiteral(
            "it holds no workbook; if it is password-protected, remove the password and save it again");
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR: return QStringLiteral("it is incomplete or corrupt (was the upload cut short?)");
    case FREEXL_CRAFTED_FILE: return QStringLiteral("its structure is corrupt");
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET: return QStringLiteral("its text uses a character set that cannot be read");
    default: return QStringLiteral("it cannot be read (FreeXL error %1)").arg(code);
    }
}

ReadError damagedXls(int code)
{
    return xlsError(QStringLiteral("The XLS file is damaged: ") + describe(code));
}

} // namespace

XlsReader::XlsReader(const ReadOptions &options)
    : m_options(options)
    , m_builder(options)
{ }

XlsReader::~XlsReader()
{
    if (m_handle)
        freexl_close(m_handle);
}

std::optional<ReadError> XlsReader::open(const QByteArray &data)
{
    // FreeXL reports a file of another kind as a read error; say what it is instead.
    if (detectFormat(data.left(8), QString()) != SheetFormat::Xls)
        return xlsError(QStringLiteral("The file is not an XLS workbook (Excel 97-2003)"));
    // Owner-only permissions and removal on destruction: the rate sheet is not left lying around.
    m_file = std::make_unique<QTemporaryFile>();
    if (!m_file->open() || m_file->write(data) != data.size() || !m_file->flush())
        return xlsError(QStringLiteral("The XLS file cannot be read: no room for a temporary copy (%1)")
                            .arg(m_file->errorString()));
    const int result = freexl_open(QFile::encodeName(m_file->fileName()).constData(), &m_handle);
    if (result != FREEXL_OK) {
        // FreeXL wants freexl_close() even after a failed open.
        if (m_handle)
            freexl_close(m_handle);
        m_handle = nullptr;
        if (result == FREEXL_INVALID_CFBF_HEADER || result == FREEXL_CFBF_INVALID_SIGNATURE)
            return xlsError(QStringLiteral("The file is not an XLS workbook (Excel 97-2003)"));
        return damagedXls(result);
    }
    unsigned int password = 0;
    if (freexl_get_info(m_handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED)
        return xlsError(QStringLiteral("The XLS file is password-protected; remove the password and save it again"));
    return std::nullopt;
}

QStringList XlsReader::worksheetNames() const
{
    unsigned int count = 0;
    freexl_get_info(m_handle, FREEXL_BIFF_SHEET_COUNT, &count);
    QStringList names;
    for (unsigned int i = 0; i < count; ++i) {
        const char *name = nullptr;
        if (freexl_get_worksheet_name(m_handle, (unsigned short)(i), &name) != FREEXL_OK || !name)
            name = "";
        names.append(QString::fromUtf8(name));
    }
    return names;
}

std::variant<QStringList, ReadError> XlsReader::sheetNames(const QByteArray &data)
{
    if (auto error = open(data))
        return *error;
    return worksheetNames();
}

std::variant<Sheet, ReadError> XlsReader::read(const QByteArray &data)
{
    if (auto error = open(data))
        return *error;
    const QStringList names = worksheetNames();
    const auto selected = selectSheet(names, m_options);
    if (const auto *error = std::get_if<ReadError>(&selected))
        return *error;
    const int index = std::get<int>(selected);
    if (const int result = freexl_select_active_worksheet(m_handle, (unsigned short)(index)); result != FREEXL_OK)
        return damagedXls(result);
    // Despite what freexl.h says, these are counts (one past the last row and column index).
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (const int result = freexl_worksheet_dimensions(m_handle, &rows, &columns); result != FREEXL_OK)
        return damagedXls(result);
    readCells(rows, columns);
    return m_builder.finish(names.at(index));
}

void XlsReader::readCells(qint64 rowCount, int columnCount)
{
    for (qint64 r = 0; r < rowCount; ++r) {
        const qint64 row = r + 1;
        for (int c = 0; c < columnCount; ++c) {
            FreeXL_CellValue cell;
            const int result = freexl_get_cell_value(m_handle, (unsigned int)(r), (unsigned short)(c), &cell);
            if (result != FREEXL_OK) {
                m_builder.fail(damagedXls(result));
                return;
            }
            std::optional<QString> text;
            switch (cell.type) {
            case FREEXL_CELL_INT: text = QString::number(cell.value.int_value); break;
            case FREEXL_CELL_DOUBLE: text = numberText(cell.value.double_value); break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE: // "YYYY-MM-DD"
            case FREEXL_CELL_DATETIME: // "YYYY-MM-DD HH:MM:SS"
            case FREEXL_CELL_TIME: // "HH:MM:SS"
                text = QString::fromUtf8(cell.value.text_value);
                break;
            default: break; // FREEXL_CELL_NULL: an empty cell
            }
            if (text && !m_builder.setCell(row, c + 1, std::move(*text)))
                return;
        }
        if (!m_builder.rowRead(row, rowCount))
            return;
    }
}

} // namespace backoffice::spreadsheet
