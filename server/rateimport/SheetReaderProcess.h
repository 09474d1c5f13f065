#pragma once

#include "SheetFormat.h"
#include "SheetReader.h"
#include "SheetWire.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <variant>

class QProcess;

namespace backoffice::server::rateimport {

// Reads an uploaded sheet in the backoffice-sheet-reader child process, with memory, CPU and wall
// clock limits, so a damaged file that crashes or stalls a reader library (decision 005) fails
// only this read. Asynchronous: progress() while it runs, finished() once.
class SheetReaderProcess final : public QObject
{
    Q_OBJECT
public:
    struct Request {
        QByteArray data;
        spreadsheet::SheetFormat format = spreadsheet::SheetFormat::Csv;
        QString sheetName;
        QString encoding; // "utf-8", "windows-1252", "latin1"
    };

    explicit SheetReaderProcess(QObject *parent = nullptr);
    ~SheetReaderProcess() override;

    // Where the reader executable is: $BACKOFFICE_SHEET_READER, next to the running program, or in
    // the build tree (tests and the demo run from there).
    static QString readerPath();

    void start(const Request &request);
    // Kills the reader; finished() then reports a cancelled read.
    void cancel();
    bool isRunning() const;

    const std::variant<spreadsheet::SheetAnswer, spreadsheet::ReadError> &result() const { return m_result; }

signals:
    void progress(qint64 done, qint64 total);
    void finished();

private:
    void readProgress();
    void processEnded();
    void fail(const QString &message, bool cancelled = false);

    QProcess *m_process = nullptr;
    QTimer m_deadline;
    QByteArray m_stderr;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_done = false;
    std::variant<spreadsheet::SheetAnswer, spreadsheet::ReadError> m_result;
};

} // namespace backoffice::server::rateimport
