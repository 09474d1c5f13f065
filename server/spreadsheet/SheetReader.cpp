#include "SheetReader.h"

#include "CsvReader.h"
#include "XlsReader.h"
#include "XlsxReader.h"

namespace backoffice::spreadsheet {

std::variant<QStringList, ReadError> listSheets(const QByteArray &data, SheetFormat format)
{
    const ReadOptions options;
    switch (format) {
    case SheetFormat::Csv: return QStringList {QString()};
    case SheetFormat::Xlsx: return XlsxReader(options).sheetNames(data);
    case SheetFormat::Xls: return XlsReader(options).sheetNames(data);
    }
    return QStringList();
}

std::variant<Sheet, ReadError> readSheet(const QByteArray &data, SheetFormat format, const ReadOptions &options)
{
    switch (format) {
    case SheetFormat::Csv: return CsvReader(options).read(data);
    case SheetFormat::Xlsx: return XlsxReader(options).read(data);
    case SheetFormat::Xls: return XlsReader(options).read(data);
    }
    return ReadError {QStringLiteral("Unknown file format")};
}

} // namespace backoffice::spreadsheet
