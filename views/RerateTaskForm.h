#pragma once

#include "EntityForm.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace backoffice::views {

// An EDR rerate task (reference §7.5): the filter is edited while the task is a draft; Schedule
// counts what it matches and hands it to the billing job, Cancel stops a draft or scheduled one.
// While the task waits or runs, the form reads it again every few seconds and shows how far it got
// (processed of estimated, updated, failed).
class RerateTaskForm final : public EntityForm
{
    Q_OBJECT
public:
    RerateTaskForm(Session *session, ListContext context, QWidget *parent = nullptr);

    QPushButton *scheduleButton() const { return m_schedule; }
    QPushButton *cancelTaskButton() const { return m_cancelTask; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *countersLabel() const { return m_counters; }

protected:
    void buildBody(QVBoxLayout *layout) override;
    QStringList formFieldNames() const override;
    bool canEditRecord() const override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;

private:
    QString status() const;
    void runAction(const QString &action);
    void updateActions();

    QLabel *m_counters = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_schedule = nullptr;
    QPushButton *m_cancelTask = nullptr;
    QTimer *m_poll = nullptr;
    QString m_actionDone; // told once the record is read again after an action
};

} // namespace backoffice::views
