#include "CsvDownload.h"

#include "ApiClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>

namespace backoffice::views {

CsvDownload::CsvDownload(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_network(new QNetworkAccessManager(this))
{
}

CsvDownload::~CsvDownload()
{
    if (m_reply)
        m_reply->abort();
    if (m_file)
        m_file->cancelWriting();
    delete m_file;
}

bool CsvDownload::start(const QString &path, const QUrlQuery &query, const QString &fileName)
{
    if (m_reply)
        return false;
    delete m_file;
    m_file = new QSaveFile(fileName);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString message = tr("Cannot write %1: %2").arg(fileName, m_file->errorString());
        delete m_file;
        m_file = nullptr;
        emit finished(false, message);
        return false;
    }
    m_written = 0;
    m_cancelled = false;
    // ApiClient answers with the whole body at once; a CSV of a million rows is better streamed,
    // so this request is made here with the same URL and session token.
    QNetworkRequest request(m_api->urlFor(path, query));
    request.setRawHeader("Accept", "text/csv");
    if (!m_api->token().isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_api->token().toUtf8());
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &CsvDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &CsvDownload::progress);
    connect(m_reply, &QNetworkReply::finished, this, &CsvDownload::onFinished);
    return true;
}

void CsvDownload::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort();
}

void CsvDownload::onReadyRead()
{
    if (m_reply)
        drain(m_reply);
}

void CsvDownload::drain(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 || !m_file)
        return; // an error body is read in onFinished, never written into the CSV file
    const QByteArray chunk = reply->readAll();
    if (m_file->write(chunk) != chunk.size()) {
        reply->abort();
        return;
    }
    m_written += chunk.size();
}

void CsvDownload::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200)
        drain(reply); // whatever arrived with the final notification
    bool ok = false;
    QString message;
    if (m_cancelled) {
        message = tr("Export cancelled.");
    } else if (status == 200 && reply->error() == QNetworkReply::NoError) {
        ok = m_file->commit();
        message = ok ? tr("Exported %1 KB to %2.").arg((m_written + 1023) / 1024).arg(m_file->fileName())
                     : tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
    } else {
        const ApiError error = ApiError::fromReply(status, reply->readAll(), reply->errorString());
        message = tr("Export failed: %1").arg(error.message);
    }
    if (!ok)
        m_file->cancelWriting();
    delete m_file;
    m_file = nullptr;
    emit finished(ok, message);
}

} // namespace backoffice::views
