// backoffice-sheet-reader: reads one uploaded rate sheet in a process of its own, so a library that
// crashes or runs away on a damaged file (FreeXL does, decision 005) takes down only this process.
// Usage: backoffice-sheet-reader --format csv|xlsx|xls [--sheet NAME] [--encoding utf-8|windows-1252|latin1]
//                                [--memory-limit-mb N] [--cpu-limit-s N]
// The file comes on standard input; the answer (SheetWire) goes to standard output; progress lines
// go to standard error. The limits are set before the file is read, and no core file is written
// (a crash on a hostile file must not leave a copy of it).
#include "SheetReader.h"
#include "SheetWire.h"

#include <QFile>
#include <QStringList>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>

using namespace backoffice::spreadsheet;

namespace {

std::optional<SheetFormat> formatFromName(const char *name)
{
    if (std::strcmp(name, "csv") == 0)
        return SheetFormat::Csv;
    if (std::strcmp(name, "xlsx") == 0)
        return SheetFormat::Xlsx;
    if (std::strcmp(name, "xls") == 0)
        return SheetFormat::Xls;
    return std::nullopt;
}

std::optional<TextEncoding> encodingFromName(const char *name)
{
    if (std::strcmp(name, "utf-8") == 0)
        return TextEncoding::Utf8;
    if (std::strcmp(name, "windows-1252") == 0)
        return TextEncoding::Windows1252;
    if (std::strcmp(name, "latin1") == 0)
        return TextEncoding::Latin1;
    return std::nullopt;
}

int usage()
{
    std::fputs("usage: backoffice-sheet-reader --format csv|xlsx|xls [--sheet NAME] [--encoding utf-8|windows-1252|latin1]"
               " [--memory-limit-mb N] [--cpu-limit-s N] < file\n",
               stderr);
    return 64;
}

bool limit(int resource, rlim_t value)
{
    const rlimit bound {value, value};
    return setrlimit(resource, &bound) == 0;
}

// A whole number from 1, or 0 when the text is not one.
rlim_t positive(const char *text)
{
    char *end = nullptr;
    const long long value = std::strtoll(text, &end, 10);
    return end && *end == 0 && value > 0 ? rlim_t(value) : 0;
}

// The answer for the chosen sheet: the sheet names of the workbook, then the sheet itself.
std::variant<SheetAnswer, ReadError> read(const QByteArray &data, SheetFormat format, const ReadOptions &options)
{
    auto names = listSheets(data, format);
    if (auto *error = std::get_if<ReadError>(&names))
        return *error;
    SheetAnswer answer;
    answer.sheetNames = std::get<QStringList>(names);
    if (!options.sheetName.isEmpty() && !answer.sheetNames.contains(options.sheetName))
        return ReadError {QStringLiteral("The workbook has no sheet named \"%1\"").arg(options.sheetName)};
    auto sheet = readSheet(data, format, options);
    if (auto *error = std::get_if<ReadError>(&sheet))
        return *error;
    answer.sheet = std::move(std::get<Sheet>(sheet));
    return answer;
}

} // namespace

int main(int argc, char *argv[])
{
    std::optional<SheetFormat> format;
    ReadOptions options;
    rlim_t memoryMb = 0;
    rlim_t cpuSeconds = 0;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--format") == 0 && hasValue) {
            format = formatFromName(argv[++i]);
        } else if (std::strcmp(argv[i], "--sheet") == 0 && hasValue) {
            options.sheetName = QString::fromUtf8(argv[++i]);
        } else if (std::strcmp(argv[i], "--memory-limit-mb") == 0 && hasValue) {
            memoryMb = positive(argv[++i]);
            if (memoryMb == 0)
                return usage();
        } else if (std::strcmp(argv[i], "--cpu-limit-s") == 0 && hasValue) {
            cpuSeconds = positive(argv[++i]);
            if (cpuSeconds == 0)
                return usage();
        } else if (std::strcmp(argv[i], "--encoding") == 0 && hasValue) {
            const auto encoding = encodingFromName(argv[++i]);
            if (!encoding)
                return usage();
            options.encoding = *encoding;
        } else {
            return usage();
        }
    }
    if (!format)
        return usage();
    if (!limit(RLIMIT_CORE, 0) || (memoryMb && !limit(RLIMIT_AS, memoryMb * 1024 * 1024))
        || (cpuSeconds && !limit(RLIMIT_CPU, cpuSeconds)))
        return 71;

    QFile input;
    QFile output;
    if (!input.open(stdin, QIODevice::ReadOnly) || !output.open(stdout, QIODevice::WriteOnly))
        return 70;
    const QByteArray data = input.readAll();

    // At most about a hundred progress lines: the server only shows a bar.
    qint64 lastPercent = -1;
    options.progress = [&lastPercent](qint64 done, qint64 total) {
        const qint64 percent = total > 0 ? done * 100 / total : 0;
        if (percent != lastPercent) {
            lastPercent = percent;
            const QByteArray line = progressLine(done, total);
            std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
            std::fflush(stderr);
        }
        return true;
    };
    output.write(encodeAnswer(read(data, *format, options)));
    output.flush();
    return 0;
}
