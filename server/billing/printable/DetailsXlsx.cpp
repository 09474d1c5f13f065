#include "DetailsXlsx.h"

#include "DetailColumns.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <array>
#include <xlsxwriter.h>

namespace backoffice::printable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::printable::DetailsXlsx", text);
}

// A double gives back any decimal of up to 15 significant digits unchanged (DBL_DIG).
constexpr int ExactDoubleDigits = 15;
constexpr int MaxDecimals = 6;
constexpr double MaxColumnWidth = 40;

int decimalsOf(const QString &number)
{
    const qsizetype dot = number.indexOf(QLatin1Char('.'));
    return dot < 0 ? 0 : int(number.size() - dot - 1);
}

// Owns the workbook until it is written (workbook_close frees it, whatever the outcome).
class Workbook final
{
public:
    Workbook(const QByteArray &path, const QByteArray &tmpdir)
        : m_tmpdir(tmpdir)
    {
        lxw_workbook_options options {};
        options.constant_memory = LXW_TRUE; // rows stream to disk: a month of details can be large
        options.tmpdir = m_tmpdir.data();
        m_workbook = workbook_new_opt(path.constData(), &options);
    }
    ~Workbook()
    {
        if (m_workbook)
            workbook_close(m_workbook);
    }
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;

    lxw_workbook *get() const { return m_workbook; }
    lxw_error close()
    {
        const lxw_error result = workbook_close(m_workbook);
        m_workbook = nullptr;
        return result;
    }

private:
    QByteArray m_tmpdir; // libxlsxwriter keeps the pointer
    lxw_workbook *m_workbook = nullptr;
};

// Formats "0", "0.0", …, "0.000000", made on first use.
class NumberFormats final
{
public:
    explicit NumberFormats(lxw_workbook *workbook)
        : m_workbook(workbook)
    { }

    lxw_format *forDecimals(int decimals)
    {
        lxw_format *&format = m_formats.at(size_t(decimals));
        if (!format) {
            format = workbook_add_format(m_workbook);
            const QByteArray pattern = decimals == 0 ? QByteArray("0") : "0." + QByteArray(decimals, '0');
            format_set_num_format(format, pattern.constData());
        }
        return format;
    }

private:
    lxw_workbook *m_workbook;
    std::array<lxw_format *, MaxDecimals + 1> m_formats {};
};

// Whether every value of a numeric column survives the trip through double (see the header).
QList<bool> numericColumns(const QList<QStringList> &cells)
{
    const QList<DetailColumn> &columns = DetailColumns::all();
    QList<bool> numeric;
    for (const DetailColumn &column : columns)
        numeric.append(column.kind != DetailKind::Text);
    for (const QStringList &row : cells) {
        for (qsizetype c = 0; c < row.size() && c < numeric.size(); ++c) {
            if (numeric.at(c) && DetailsXlsx::significantDigits(row.at(c)) > ExactDoubleDigits)
                numeric[c] = false;
        }
    }
    return numeric;
}

} // namespace

int DetailsXlsx::significantDigits(const QString &number)
{
    QString digits = number;
    digits.remove(QLatin1Char('-'));
    digits.remove(QLatin1Char('+'));
    digits.remove(QLatin1Char('.'));
    qsizetype first = 0;
    while (first < digits.size() && digits.at(first) == QLatin1Char('0'))
        ++first;
    qsizetype last = digits.size();
    while (last > first && digits.at(last - 1) == QLatin1Char('0'))
        --last;
    return int(last - first);
}

std::optional<QByteArray> DetailsXlsx::write(const QList<QStringList> &cells, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(tr("no temporary folder for the XLSX file: %1").arg(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("charges.xlsx"));
    {
        Workbook workbook(QFile::encodeName(path), QFile::encodeName(QDir::toNativeSeparators(dir.path())));
        if (!workbook.get())
            return fail(tr("libxlsxwriter could not create a workbook"));
        lxw_worksheet *sheet = workbook_add_worksheet(workbook.get(), "Charges");
        lxw_format *heading = workbook_add_format(workbook.get());
        format_set_bold(heading);
        format_set_bottom(heading, LXW_BORDER_THIN);
        format_set_bg_color(heading, 0xE4E9EF);
        NumberFormats numberFormats(workbook.get());

        const QList<DetailColumn> &columns = DetailColumns::all();
        const QList<bool> numeric = numericColumns(cells);
        QList<qsizetype> widths;
        for (const DetailColumn &column : columns)
            widths.append(column.label.size() + 2);
        for (const QStringList &row : cells) {
            for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
                widths[c] = std::max(widths.at(c), row.at(c).size() + 2);
        }
        for (qsizetype c = 0; c < columns.size(); ++c) {
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), std::min(double(widths.at(c)), MaxColumnWidth),
                                 nullptr);
        }

        lxw_error result = LXW_NO_ERROR;
        for (qsizetype c = 0; c < columns.size() && result == LXW_NO_ERROR; ++c)
            result = worksheet_write_string(sheet, 0, lxw_col_t(c), columns.at(c).label.toUtf8().constData(), heading);
        for (qsizetype r = 0; r < cells.size() && result == LXW_NO_ERROR; ++r) {
            const QStringList &row = cells.at(r);
            const auto sheetRow = lxw_row_t(r + 1);
            for (qsizetype c = 0; c < row.size() && result == LXW_NO_ERROR; ++c) {
                const QString &text = row.at(c);
                if (text.isEmpty())
                    continue;
                if (numeric.value(c)) {
                    // The one place a charge value becomes a double: the cell type of the file format.
                    result = worksheet_write_number(sheet, sheetRow, lxw_col_t(c), text.toDouble(),
                                                    numberFormats.forDecimals(std::min(decimalsOf(text), MaxDecimals)));
                } else {
                    result = worksheet_write_string(sheet, sheetRow, lxw_col_t(c), text.toUtf8().constData(), nullptr);
                }
            }
        }
        if (result != LXW_NO_ERROR) {
            return fail(tr("the XLSX sheet could not be written: %1").arg(QString::fromUtf8(lxw_strerror(result))));
        }
        worksheet_freeze_panes(sheet, 1, 0);
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(cells.size()), lxw_col_t(columns.size() - 1));
        result = workbook.close();
        if (result != LXW_NO_ERROR)
            return fail(tr("the XLSX file could not be written: %1").arg(QString::fromUtf8(lxw_strerror(result))));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("the XLSX file could not be read back: %1").arg(file.errorString()));
    return file.readAll();
}

} // namespace backoffice::printable
