#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <QNetworkReply>

class QNetworkAccessManager;
class QSaveFile;

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

// Saves `<entity>/export.csv` straight to a file while it arrives. An export may hold a million
// rows, so it is streamed (never held in memory), reports progress and can be cancelled; the
// target file only appears once the download completed (QSaveFile).
class CsvDownload final : public QObject
{
    Q_OBJECT
public:
    CsvDownload(ApiClient *api, QObject *parent = nullptr);
    ~CsvDownload() override;

    // path relative to /api/v1 ("companies/export.csv"), query = the list's filters and sort.
    bool start(const QString &path, const QUrlQuery &query, const QString &fileName);
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }
    qint64 bytesWritten() const { return m_written; }

signals:
    void progress(qint64 received, qint64 total); // total -1 when the server does not say
    void finished(bool ok, const QString &message);

private:
    void onReadyRead();
    void drain(QNetworkReply *reply);
    void onFinished();

    ApiClient *m_api;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QSaveFile *m_file = nullptr;
    qint64 m_written = 0;
    bool m_cancelled = false;
};

} // namespace backoffice::views
