#include "AnalysisRunner.h"

#include "ApiClient.h"
#include "ErrorText.h"

#include <QTimer>

namespace backoffice::views {

AnalysisRunner::AnalysisRunner(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(&api)
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &AnalysisRunner::send);
}

void AnalysisRunner::setImportId(const QString &id)
{
    if (id == m_id)
        return;
    m_id = id;
    ++m_sequence; // answers about the previous import are stale
    m_debounce->stop();
    m_analysis = {};
    m_error.clear();
    setPending(false);
}

bool AnalysisRunner::isReady() const
{
    return !m_pending && m_error.isEmpty() && m_analysis.value(QLatin1String("ready")).toBool();
}

void AnalysisRunner::request(const QJsonObject &settings)
{
    m_settings = settings;
    ++m_sequence; // an answer still on its way is about older settings
    setPending(true);
    m_debounce->start();
}

void AnalysisRunner::runNow()
{
    m_debounce->stop();
    send();
}

void AnalysisRunner::send()
{
    if (!m_api || m_id.isEmpty())
        return;
    const int sequence = ++m_sequence;
    setPending(true);
    QJsonObject body = m_settings;
    if (m_includeTree)
        body.insert(QStringLiteral("includeTree"), true);
    ApiReply *reply = m_api->post(QStringLiteral("rate-imports/%1/analysis").arg(m_id), body);
    connect(reply, &ApiReply::finished, this, [this, reply, sequence] {
        reply->deleteLater();
        if (sequence != m_sequence)
            return;
        if (reply->ok()) {
            m_analysis = reply->object();
            m_error.clear();
        } else {
            m_error = describeFailure(reply);
        }
        setPending(false);
        emit analysisChanged();
    });
}

void AnalysisRunner::setPending(bool pending)
{
    if (pending == m_pending)
        return;
    m_pending = pending;
    emit pendingChanged(pending);
}

} // namespace backoffice::views
