#include "SheetReaderProcess.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>

Q_LOGGING_CATEGORY(lcSheetReader, "backoffice.server.rateimport", QtWarningMsg)

namespace backoffice::server::rateimport {

namespace {

// Enough for a 250,000-row workbook with room to spare; a zip bomb or a runaway parser stops here.
constexpr int MemoryLimitMb = 2048;
constexpr int CpuLimitSeconds = 120;
constexpr int WallClockLimitMs = 180 * 1000;

QString formatArgument(spreadsheet::SheetFormat format)
{
    switch (format) {
    case spreadsheet::SheetFormat::Csv: return QStringLiteral("csv");
    case spreadsheet::SheetFormat::Xlsx: return QStringLiteral("xlsx");
    case spreadsheet::SheetFormat::Xls: return QStringLiteral("xls");
    }
    return {};
}

} // namespace

SheetReaderProcess::SheetReaderProcess(QObject *parent) : QObject(parent)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(WallClockLimitMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_process)
            m_process->kill();
    });
}

SheetReaderProcess::~SheetReaderProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString SheetReaderProcess::readerPath()
{
    const QString fromEnvironment = qEnvironmentVariable("BACKOFFICE_SHEET_READER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString besideProgram = QCoreApplication::applicationDirPath() + QStringLiteral("/backoffice-sheet-reader");
    if (QFileInfo(besideProgram).isExecutable())
        return besideProgram;
    return QStringLiteral(BACKOFFICE_SHEET_READER_BUILD_PATH);
}

bool SheetReaderProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void SheetReaderProcess::start(const Request &request)
{
    m_process = new QProcess(this);
    QStringList arguments {QStringLiteral("--format"), formatArgument(request.format)};
    if (!request.sheetName.isEmpty())
        arguments << QStringLiteral("--sheet") << request.sheetName;
    if (!request.encoding.isEmpty())
        arguments << QStringLiteral("--encoding") << request.encoding;
    // The reader sets these limits on itself before it reads a byte of the file. Setting them here
    // with QProcess::setChildProcessModifier would make Qt fork() instead of vfork(), and a fork of
    // a server holding large trees costs hundreds of milliseconds in copied page tables.
    arguments << QStringLiteral("--memory-limit-mb") << QString::number(MemoryLimitMb) << QStringLiteral("--cpu-limit-s")
              << QString::number(CpuLimitSeconds);
    m_process->setProgram(readerPath());
    m_process->setArguments(arguments);
    connect(m_process, &QProcess::readyReadStandardError, this, &SheetReaderProcess::readProgress);
    connect(m_process, &QProcess::finished, this, &SheetReaderProcess::processEnded);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(QStringLiteral("The sheet reader could not be started (%1)").arg(m_process->program()));
    });
    m_deadline.start();
    m_process->start();
    m_process->write(request.data);
    m_process->closeWriteChannel();
}

void SheetReaderProcess::cancel()
{
    m_cancelled = true;
    if (isRunning())
        m_process->kill();
}

void SheetReaderProcess::readProgress()
{
    m_stderr.append(m_process->readAllStandardError());
    qsizetype newline;
    while ((newline = m_stderr.indexOf('\n')) >= 0) {
        const QByteArray line = m_stderr.left(newline);
        m_stderr.remove(0, newline + 1);
        qint64 done = 0, total = 0;
        if (spreadsheet::parseProgressLine(line, &done, &total))
            emit progress(done, total);
        else if (!line.trimmed().isEmpty())
            qCWarning(lcSheetReader) << "sheet reader:" << line;
    }
}

void SheetReaderProcess::processEnded()
{
    m_deadline.stop();
    if (m_done)
        return;
    if (m_cancelled)
        return fail(QStringLiteral("The import was cancelled"), true);
    if (m_timedOut)
        return fail(QStringLiteral("Reading the file took longer than %1 seconds; it was stopped").arg(WallClockLimitMs / 1000));
    if (m_process->exitStatus() == QProcess::CrashExit) {
        // Out of memory or CPU time shows as a signal too; all of it means the file cannot be read.
        return fail(QStringLiteral("The file is damaged or too large: the reader stopped while reading it"));
    }
    if (m_process->exitCode() != 0)
        return fail(QStringLiteral("The sheet reader refused the request (exit code %1)").arg(m_process->exitCode()));
    m_result = spreadsheet::decodeAnswer(m_process->readAllStandardOutput());
    m_done = true;
    emit finished();
}

void SheetReaderProcess::fail(const QString &message, bool cancelled)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    spreadsheet::ReadError error {message};
    error.cancelled = cancelled;
    m_result = error;
    emit finished();
}

} // namespace backoffice::server::rateimport
