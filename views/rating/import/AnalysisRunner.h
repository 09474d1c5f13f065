#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QTimer;

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

// Runs POST rate-imports/{id}/analysis for the settings the user is editing. Changes come in
// bursts (a spin box, a drag), so a request goes out only once the settings have been still for
// DebounceMs; an answer to settings that have changed since is dropped, so what is shown always
// belongs to the latest settings.
class AnalysisRunner final : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisRunner(ApiClient &api, QObject *parent = nullptr);

    void setImportId(const QString &id);
    // Schedules an analysis of these settings (replacing any not yet sent).
    void request(const QJsonObject &settings);
    // Sends now, without waiting for the burst to end.
    void runNow();
    // Whether answers carry the built tree (large for big sheets: only the preview shows it).
    void setIncludeTree(bool include) { m_includeTree = include; }

    // True from a change until its answer: the shown analysis may not match the settings yet.
    bool isPending() const { return m_pending; }
    const QJsonObject &analysis() const { return m_analysis; }
    const QJsonObject &settings() const { return m_settings; }
    bool isReady() const;
    QString errorText() const { return m_error; }

    static constexpr int DebounceMs = 300;

signals:
    void pendingChanged(bool pending);
    // A fresh analysis of the current settings (or an error when errorText() is not empty).
    void analysisChanged();

private:
    void send();
    void setPending(bool pending);

    QPointer<ApiClient> m_api;
    QString m_id;
    QTimer *m_debounce;
    QJsonObject m_settings;
    QJsonObject m_analysis;
    QString m_error;
    int m_sequence = 0; // number of the latest settings sent; older answers are stale
    bool m_pending = false;
    bool m_includeTree = false;
};

} // namespace backoffice::views
