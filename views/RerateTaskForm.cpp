#include "RerateTaskForm.h"

#include "ApiClient.h"
#include "BillingEntities.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "Session.h"
#include "editors/FieldEditor.h"
#include "editors/ReferenceFieldEditor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace backoffice::views {

namespace {
constexpr int PollIntervalMs = 2000;
}

RerateTaskForm::RerateTaskForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{
}

QString RerateTaskForm::status() const
{
    return record().value(QLatin1String("status")).toString();
}

QStringList RerateTaskForm::formFieldNames() const
{
    QStringList names = EntityForm::formFieldNames();
    for (const char *counter : {"estimatedCount", "processedCount", "updatedCount", "failedCount"})
        names.removeAll(QString::fromLatin1(counter)); // one line under the fields says them all
    return names;
}

void RerateTaskForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    m_counters = new QLabel(this);
    m_counters->setObjectName(QStringLiteral("rerateCounters"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("rerateProgress"));
    m_schedule = new QPushButton(tr("Schedule"), this);
    m_schedule->setObjectName(QStringLiteral("scheduleButton"));
    m_schedule->setToolTip(tr("Count the EDRs the filter matches and let the billing job rerate them"));
    m_cancelTask = new QPushButton(tr("Cancel task"), this);
    m_cancelTask->setObjectName(QStringLiteral("cancelTaskButton"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_counters, 1);
    actions->addWidget(m_schedule);
    actions->addWidget(m_cancelTask);
    layout->addWidget(m_progress);
    layout->addLayout(actions);
    connect(m_schedule, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("schedule")); });
    connect(m_cancelTask, &QPushButton::clicked, this, [this] { runAction(QStringLiteral("cancel")); });

    m_poll = new QTimer(this);
    m_poll->setInterval(PollIntervalMs);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (mode() == FormMode::View && !isBusy())
            reload();
    });

    // The agreements offered are the chosen company's.
    auto *agreement = qobject_cast<ReferenceFieldEditor *>(editor(QStringLiteral("agreementId")));
    FieldEditor *company = editor(QStringLiteral("companyId"));
    if (agreement && company) {
        auto narrow = [agreement, company] {
            QJsonObject value;
            company->store(&value);
            const qint64 id = value.value(QLatin1String("companyId")).toInteger();
            agreement->setScope(id > 0 ? QList<QPair<QString, QString>>{{QStringLiteral("companyId"), QString::number(id)}}
                                       : QList<QPair<QString, QString>>{});
        };
        connect(company, &FieldEditor::changed, agreement, narrow);
        narrow();
    }
    updateActions();
}

bool RerateTaskForm::canEditRecord() const
{
    return status() == reratestatus::draft;
}

void RerateTaskForm::onRecordLoaded(const QJsonObject &record)
{
    Q_UNUSED(record)
    updateActions();
    if (!m_actionDone.isEmpty()) {
        banner()->showInfo(m_actionDone); // after the reload, which clears the banner
        m_actionDone.clear();
    }
}

void RerateTaskForm::onModeChanged(FormMode mode)
{
    Q_UNUSED(mode)
    updateActions();
}

void RerateTaskForm::updateActions()
{
    if (!m_schedule)
        return;
    const QString current = status();
    const bool viewing = mode() == FormMode::View && recordId() > 0 && !record().isEmpty();
    const bool mayChange = viewing && canManage();
    m_schedule->setVisible(mayChange && current == reratestatus::draft);
    m_cancelTask->setVisible(mayChange && (current == reratestatus::draft || current == reratestatus::scheduled));

    const qint64 estimated = record().value(QLatin1String("estimatedCount")).toInteger();
    const qint64 processed = record().value(QLatin1String("processedCount")).toInteger();
    const qint64 updated = record().value(QLatin1String("updatedCount")).toInteger();
    const qint64 failed = record().value(QLatin1String("failedCount")).toInteger();
    m_counters->setVisible(viewing);
    m_counters->setText(tr("Estimated %1 · processed %2 · updated %3 · failed %4")
                            .arg(estimated).arg(processed).arg(updated).arg(failed));
    const bool started = current == reratestatus::running || current == reratestatus::complete;
    m_progress->setVisible(viewing && started);
    // The estimate was counted when the task was scheduled; more EDRs may have settled since.
    m_progress->setRange(0, int(std::max<qint64>({estimated, processed, 1})));
    m_progress->setValue(current == reratestatus::complete ? m_progress->maximum() : int(processed));

    const bool waiting = viewing && (current == reratestatus::scheduled || current == reratestatus::running);
    if (waiting && !m_poll->isActive())
        m_poll->start();
    else if (!waiting)
        m_poll->stop();
}

void RerateTaskForm::runAction(const QString &action)
{
    if (isBusy() || recordId() <= 0)
        return;
    setBusy(true);
    ApiReply *reply = session()->api()->post(QStringLiteral("%1/%2/%3").arg(entity().name).arg(recordId()).arg(action));
    connect(reply, &ApiReply::finished, this, [this, reply, action] {
        reply->deleteLater();
        setBusy(false);
        if (!reply->ok()) {
            banner()->showError(describeFailure(reply));
            return;
        }
        m_actionDone = action == QLatin1String("schedule") ? tr("Task scheduled: the billing job rerates its EDRs.")
                                                           : tr("Task canceled.");
        reload();
    });
}

} // namespace backoffice::views
