#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;

namespace backoffice::views {

class MessageBanner;
class Session;

// One audit record (reference §12): who did what to which object, when and from where, and the
// record's values before and after side by side — as a table of the fields that differ and as the
// two JSON documents.
class AuditDetailView final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditDetailView(Session *session, QWidget *parent = nullptr);

    void showRecord(const QJsonObject &record);
    // Fetches audit/<id> (when the list row did not carry the values).
    void openRecord(qint64 id);
    qint64 recordId() const { return m_recordId; }
    QTableWidget *changesTable() const { return m_changes; }
    QPlainTextEdit *oldValueView() const { return m_old; }
    QPlainTextEdit *newValueView() const { return m_new; }

signals:
    void titleChanged(const QString &title);

private:
    Session *m_session;
    qint64 m_recordId = -1;
    QLabel *m_summary;
    MessageBanner *m_banner;
    QTabWidget *m_tabs;
    QTableWidget *m_changes;
    QPlainTextEdit *m_old;
    QPlainTextEdit *m_new;
};

} // namespace backoffice::views
