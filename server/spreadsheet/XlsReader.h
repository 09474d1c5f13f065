#pragma once

#include "SheetBuilder.h"
#include "SheetReader.h"

#include <QStringList>
#include <QTemporaryFile>
#include <memory>

namespace backoffice::spreadsheet {

// Reads one sheet of a legacy Excel 97-2003 workbook (BIFF5/BIFF8) with FreeXL. FreeXL 1.0.6
// opens only files by path, so the bytes go to a private temporary file first. Numbers become
// exact decimal text (NumberText), dates ISO text (FreeXL reads the cell formats for that).
// Formulas cannot be refused as in XLSX: FreeXL cannot tell formula cells apart — 1.0.6 skips
// FORMULA records altogether, so such a cell reads as empty (its cached result is lost) and the
// later column checks report the missing value rather than this reader.
class XlsReader final
{
public:
    explicit XlsReader(const ReadOptions &options);
    ~XlsReader();
    XlsReader(const XlsReader &) = delete;
    XlsReader &operator=(const XlsReader &) = delete;

    std::variant<QStringList, ReadError> sheetNames(const QByteArray &data);
    std::variant<Sheet, ReadError> read(const QByteArray &data);

private:
    std::optional<ReadError> open(const QByteArray &data);
    QStringList worksheetNames() const;
    void readCells(qint64 rowCount, int columnCount);

    ReadOptions m_options;
    SheetBuilder m_builder;
    std::unique_ptr<QTemporaryFile> m_file; // kept while FreeXL has it open
    const void *m_handle = nullptr;
};

} // namespace backoffice::spreadsheet
