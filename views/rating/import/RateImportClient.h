#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QTimer;

namespace backoffice {
class ApiClient;
class ApiReply;
} // namespace backoffice

namespace backoffice::views {

// The client side of one server-side rate import (docs/API.md "Rate imports"): uploads the sheet,
// polls the reading until it is ready or failed, cancels it, applies the settings and forgets the
// import on the server when it is no longer wanted. The wizard's pages only watch it.
class RateImportClient final : public QObject
{
    Q_OBJECT
public:
    enum class State { None, Uploading, Reading, Ready, Failed, Cancelled, Applying, Applied };

    struct Upload {
        QString format; // standard, whatsappBasic, whatsappTier
        QString fileName;
        QString sheet; // empty: the first sheet
        QString encoding; // CSV only; empty: UTF-8
        QByteArray bytes;
    };

    RateImportClient(ApiClient &api, qint64 scopeId, qint64 nodeId, QObject *parent = nullptr);
    ~RateImportClient() override;

    ApiClient &api() const;
    qint64 scopeId() const { return m_scopeId; }
    qint64 nodeId() const { return m_nodeId; }

    // Starts a new import; the previous one, if any, is forgotten on the server first.
    void upload(const Upload &upload);
    // POST …/cancel while the sheet is being read.
    void cancelReading();
    // DELETE the import on the server (fire and forget) and drop it here.
    void forget();
    // POST …/apply: replaces the node's descendants. Ends in applied() or applyFailed().
    void apply(const QJsonObject &settings);

    State state() const { return m_state; }
    bool isBusy() const
    {
        return m_state == State::Uploading || m_state == State::Reading || m_state == State::Applying;
    }
    QString importId() const { return m_id; }
    const QJsonObject &importObject() const { return m_import; }
    qint64 progressDone() const;
    qint64 progressTotal() const;
    // Why the upload or the reading failed, for people: "Row 3, column 2: …".
    QString errorText() const { return m_error; }

    static constexpr int PollIntervalMs = 200;
    static constexpr qint64 MaxUploadBytes = 64 * 1024 * 1024;

signals:
    void stateChanged(State state);
    void progressChanged(qint64 done, qint64 total);
    void applied(const QJsonObject &answer);
    // message for people; details: the first blocking problems of a 422.
    void applyFailed(const QString &message, const QStringList &details);

private:
    void setState(State state);
    void takeImport(const QJsonObject &object);
    void poll();
    void fail(const QString &message);

    QPointer<ApiClient> m_api;
    qint64 m_scopeId;
    qint64 m_nodeId;
    State m_state = State::None;
    QString m_id;
    QJsonObject m_import;
    QString m_error;
    QTimer *m_pollTimer;
    // Answers to an import that has since been replaced or forgotten are dropped by this number.
    int m_generation = 0;
};

} // namespace backoffice::views
