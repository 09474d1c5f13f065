#include "RateImportClient.h"


#include "ApiClient.h"
#include "ErrorText.h"

#include <QTimer>
#include <QUrlQuery>

namespace backoffice::views {

namespace {

QString importPath(const QString &id, const QString &tail = {})
{
    return tail.isEmpty() ? QStringLiteral("rate-imports/%1").arg(id)
                          : QStringLiteral("rate-imports/%1/%2").arg(id, tail);
}

// error: {message, row, column}; the reader's message already starts with the place when there is
// one ("Row 12, column C: …").
QString readingErrorText(const QJsonObject &error)
{
    return error.value(QLatin1String("message")).toString();
}

} // namespace

RateImportClient::RateImportClient(ApiClient &api, qint64 scopeId, qint64 nodeId, QObject *parent)
    : QObject(parent)
    , m_api(&api)
    , m_scopeId(scopeId)
    , m_nodeId(nodeId)
    , m_pollTimer(new QTimer(this))
{
    // Single shot, restarted after each answer: a slow server never gets a queue of polls.
    m_pollTimer->setSingleShot(true);
    m_pollTimer->setInterval(PollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &RateImportClient::poll);
}

RateImportClient::~RateImportClient()
{
    // The pages watching this client may already be half gone: tell nobody.
    blockSignals(true);
    forget();
}

ApiClient &RateImportClient::api() const
{
    return *m_api;
}

qint64 RateImportClient::progressDone() const
{
    return m_import.value(QLatin1String("progress")).toObject().value(QLatin1String("done")).toInteger();
}

qint64 RateImportClient::progressTotal() const
{
    return m_import.value(QLatin1String("progress")).toObject().value(QLatin1String("total")).toInteger();
}

void RateImportClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RateImportClient::fail(const QString &message)
{
    m_pollTimer->stop();
    m_error = message;
    setState(State::Failed);
}

void RateImportClient::upload(const Upload &upload)
{
    forget();
    m_error.clear();
    if (!m_api)
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("scopeId"), QString::number(m_scopeId));
    query.addQueryItem(QStringLiteral("nodeId"), QString::number(m_nodeId));
    query.addQueryItem(QStringLiteral("format"), upload.format);
    query.addQueryItem(QStringLiteral("fileName"), upload.fileName);
    if (!upload.sheet.isEmpty())
        query.addQueryItem(QStringLiteral("sheet"), upload.sheet);
    if (!upload.encoding.isEmpty())
        query.addQueryItem(QStringLiteral("encoding"), upload.encoding);
    setState(State::Uploading);
    emit progressChanged(0, 0);
    const int generation = ++m_generation;
    ApiReply *reply = m_api->postBytes(QStringLiteral("rate-imports"), query, upload.bytes,
                                       QByteArrayLiteral("application/octet-stream"));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            fail(describeFailure(reply));
            return;
        }
        takeImport(reply->object());
    });
}

void RateImportClient::takeImport(const QJsonObject &object)
{
    m_import = object;
    m_id = object.value(QLatin1String("id")).toString();
    emit progressChanged(progressDone(), progressTotal());
    const QString state = object.value(QLatin1String("state")).toString();
    if (state == QLatin1String("reading")) {
        setState(State::Reading);
        m_pollTimer->start();
    } else if (state == QLatin1String("ready")) {
        // Back from a failed apply the import is ready again; the wizard still shows it as ready.
        setState(State::Ready);
    } else if (state == QLatin1String("failed")) {
        fail(readingErrorText(object.value(QLatin1String("error")).toObject()));
    } else if (state == QLatin1String("cancelled")) {
        m_error = tr("Reading the file was cancelled.");
        setState(State::Cancelled);
    } else if (state == QLatin1String("applied")) {
        setState(State::Applied);
    } else {
        fail(tr("The server answered an import state this version does not know: \"%1\".").arg(state));
    }
}

void RateImportClient::poll()
{
    if (!m_api || m_id.isEmpty() || m_state != State::Reading)
        return;
    const int generation = m_generation;
    ApiReply *reply = m_api->get(importPath(m_id));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation || m_state != State::Reading)
            return;
        if (!reply->ok()) {
            fail(describeFailure(reply));
            return;
        }
        takeImport(reply->object());
    });
}

void RateImportClient::cancelReading()
{
    if (!m_api)
        return;
    if (m_state == State::Uploading) {
        // Nothing to cancel on the server yet: the answer of the upload is dropped and forgotten.
        ++m_generation;
        m_error = tr("Reading the file was cancelled.");
        setState(State::Cancelled);
        return;
    }
    if (m_state != State::Reading || m_id.isEmpty())
        return;
    m_pollTimer->stop();
    const int generation = m_generation;
    ApiReply *reply = m_api->post(importPath(m_id, QStringLiteral("cancel")));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            fail(describeFailure(reply));
            return;
        }
        // The answer is the import, normally "cancelled"; a reading that finished first is "ready".
        const QJsonObject object = reply->object();
        if (object.contains(QLatin1String("state")))
            takeImport(object);
        else {
            m_error = tr("Reading the file was cancelled.");
            setState(State::Cancelled);
        }
    });
}

void RateImportClient::forget()
{
    ++m_generation;
    m_pollTimer->stop();
    if (m_api && !m_id.isEmpty()) {
        // Nobody waits for the answer; the reply goes with it.
        ApiReply *reply = m_api->remove(importPath(m_id));
        connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    }
    m_id.clear();
    m_import = {};
    m_error.clear();
    setState(State::None);
}

void RateImportClient::apply(const QJsonObject &settings)
{
    if (!m_api || m_id.isEmpty() || m_state != State::Ready)
        return;
    setState(State::Applying);
    const int generation = m_generation;
    ApiReply *reply = m_api->post(importPath(m_id, QStringLiteral("apply")), settings);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (reply->ok()) {
            setState(State::Applied);
            emit applied(reply->object());
            return;
        }
        QStringList details;
        for (auto it = reply->error().fields.cbegin(); it != reply->error().fields.cend(); ++it)
            details << it.value();
        setState(State::Ready);
        emit applyFailed(describeFailure(reply), details);
    });
}

} // namespace backoffice::views
