// The EDR rerate form (reference §7.5): the factory opens it for rerate tasks; a draft shows Edit,
// Schedule and Cancel task; Schedule hands it to the job and the form follows it (polling) until it
// is complete, with its counters and progress; a task scheduled for later can be canceled; a task
// that is not a draft can no longer be edited.
#include "BillingEntities.h"
#include "FormFactory.h"
#include "MessageBanner.h"
#include "RerateTaskForm.h"
#include "Session.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace backoffice;
using namespace backoffice::views;

class TestRerateForm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scheduleRunsTheDraft();
    void cancelStopsAScheduledTask();
    void newTaskFormHasNoCounters();

private:
    qint64 createTask(const QJsonObject &extra = {});

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    qint64 m_companyId = 0;
};

void TestRerateForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QJsonObject answer;
    m_api = m_server.signInAdmin(&answer);
    QVERIFY(m_api);
    m_session = std::make_unique<Session>(m_api.get());
    m_session->setIdentity(answer);
    ApiReply *reply = m_api->get(QStringLiteral("companies"));
    QVERIFY(reply->waitForFinished());
    m_companyId = reply->object().value(QLatin1String("items")).toArray().last().toObject().value(QLatin1String("id")).toInteger();
    reply->deleteLater();
    QVERIFY(m_companyId > 0);
}

qint64 TestRerateForm::createTask(const QJsonObject &extra)
{
    const QDateTime from = QDateTime::currentDateTimeUtc().addDays(-2);
    QJsonObject body{{QStringLiteral("companyId"), m_companyId},
                     {QStringLiteral("timeFrom"), from.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("timeTill"), from.addDays(1).toString(Qt::ISODateWithMs)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    ApiReply *reply = m_api->post(entities::rerateTasks, body);
    reply->waitForFinished();
    reply->deleteLater();
    return reply->httpStatus() == 201 ? reply->object().value(QLatin1String("id")).toInteger() : 0;
}

void TestRerateForm::scheduleRunsTheDraft()
{
    const qint64 id = createTask();
    QVERIFY(id > 0);
    std::unique_ptr<EntityForm> created(createForm(m_session.get(), ListContext::forEntity(entities::rerateTasks)));
    auto *form = qobject_cast<RerateTaskForm *>(created.get());
    QVERIFY2(form, "the factory makes the rerate form");
    form->openRecord(id);
    QTRY_VERIFY_WITH_TIMEOUT(!form->record().isEmpty() && !form->isBusy(), 10000);
    QCOMPARE(form->record().value(QLatin1String("status")).toString(), QStringLiteral("DRAFT"));
    QVERIFY(form->editButton()->isVisibleTo(form));
    QVERIFY(form->scheduleButton()->isVisibleTo(form));
    QVERIFY(form->cancelTaskButton()->isVisibleTo(form));
    QVERIFY(!form->progressBar()->isVisibleTo(form));

    QTest::mouseClick(form->scheduleButton(), Qt::LeftButton);
    // No traffic in its period: the job completes it at once; the form reads it again until then.
    QTRY_COMPARE_WITH_TIMEOUT(form->record().value(QLatin1String("status")).toString(), QStringLiteral("COMPLETE"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy(), 5000);
    QVERIFY(!form->editButton()->isVisibleTo(form));
    QVERIFY(!form->deleteButton()->isVisibleTo(form));
    QVERIFY(!form->scheduleButton()->isVisibleTo(form));
    QVERIFY(!form->cancelTaskButton()->isVisibleTo(form));
    QVERIFY(form->progressBar()->isVisibleTo(form));
    QCOMPARE(form->progressBar()->value(), form->progressBar()->maximum());
    QVERIFY2(form->countersLabel()->text().contains(QLatin1String("processed 0")), qPrintable(form->countersLabel()->text()));
}

void TestRerateForm::cancelStopsAScheduledTask()
{
    const qint64 id = createTask({{QStringLiteral("scheduledFor"),
                                   QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs)}});
    QVERIFY(id > 0);
    RerateTaskForm form(m_session.get(), ListContext::forEntity(entities::rerateTasks));
    form.openRecord(id);
    QTRY_VERIFY_WITH_TIMEOUT(!form.record().isEmpty() && !form.isBusy(), 10000);
    QTest::mouseClick(form.scheduleButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(form.record().value(QLatin1String("status")).toString(), QStringLiteral("SCHEDULED"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), 5000);
    QVERIFY(!form.editButton()->isVisibleTo(&form));
    QVERIFY(!form.scheduleButton()->isVisibleTo(&form));
    QVERIFY(form.cancelTaskButton()->isVisibleTo(&form));
    QTest::mouseClick(form.cancelTaskButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(form.record().value(QLatin1String("status")).toString(), QStringLiteral("CANCELED"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), 5000);
    QVERIFY(!form.cancelTaskButton()->isVisibleTo(&form));
    QCOMPARE(form.banner()->kind(), MessageBanner::Kind::Info);
}

void TestRerateForm::newTaskFormHasNoCounters()
{
    RerateTaskForm form(m_session.get(), ListContext::forEntity(entities::rerateTasks));
    form.startCreate();
    QVERIFY(!form.countersLabel()->isVisibleTo(&form));
    QVERIFY(!form.scheduleButton()->isVisibleTo(&form));
    QVERIFY(form.saveButton()->isVisibleTo(&form));
}

QTEST_MAIN(TestRerateForm)
#include "tst_rerate_form.moc"
