#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace backoffice::views {

class Session;

// New scope of a service: draft or not, effective from and (optionally) till in the service's time
// zone, and where its rate tree comes from (empty, a scope of this service, another service).
class NewScopeDialog final : public QDialog
{
    Q_OBJECT
public:
    NewScopeDialog(Session *session, qint64 serviceId, QWidget *parent = nullptr);

    // The body of POST service-scopes.
    QJsonObject body() const;
    qint64 createdScopeId() const { return m_createdId; }
    QComboBox *copyFromBox() const { return m_copyFrom; }

    void accept() override;

private:
    void loadSources();

    Session *m_session;
    qint64 m_serviceId;
    qint64 m_createdId = 0;
    QCheckBox *m_draft;
    QDateTimeEdit *m_from;
    QCheckBox *m_hasTill;
    QDateTimeEdit *m_till;
    QComboBox *m_copyFrom;
    QLabel *m_error;
};

} // namespace backoffice::views
