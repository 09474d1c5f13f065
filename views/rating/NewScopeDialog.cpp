#include "NewScopeDialog.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

const QString LocalFormat = QStringLiteral("yyyy-MM-ddTHH:mm:ss");

} // namespace

NewScopeDialog::NewScopeDialog(Session *session, qint64 serviceId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_serviceId(serviceId)
    , m_draft(new QCheckBox(tr("Draft (not used for rating yet)"), this))
    , m_from(new QDateTimeEdit(this))
    , m_hasTill(new QCheckBox(tr("Ends"), this))
    , m_till(new QDateTimeEdit(this))
    , m_copyFrom(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newScopeDialog"));
    setWindowTitle(tr("New scope"));
    const QDateTime start(QDate::currentDate().addDays(1), QTime(0, 0));
    m_draft->setChecked(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_from->setDateTime(start);
    m_from->setCalendarPopup(true);
    m_till->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_till->setDateTime(start.addMonths(12));
    m_till->setCalendarPopup(true);
    m_till->setEnabled(false);
    connect(m_hasTill, &QCheckBox::toggled, m_till, &QWidget::setEnabled);
    m_copyFrom->setObjectName(QStringLiteral("copyTreeFrom"));
    m_copyFrom->addItem(tr("Nothing (empty tree)"), QString());
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);

    auto *till = new QHBoxLayout;
    till->addWidget(m_hasTill);
    till->addWidget(m_till, 1);
    auto *form = new QFormLayout;
    form->addRow(QString(), m_draft);
    form->addRow(tr("Effective from"), m_from);
    form->addRow(tr("Effective till"), till);
    form->addRow(tr("Copy rate tree from"), m_copyFrom);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewScopeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewScopeDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Dates are in the service's time zone."), this));
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    loadSources();
}

void NewScopeDialog::loadSources()
{
    QUrlQuery scopes;
    scopes.addQueryItem(QStringLiteral("serviceId"), QString::number(m_serviceId));
    scopes.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    ApiReply *ownScopes = m_session->api()->get(QStringLiteral("service-scopes"), scopes);
    connect(ownScopes, &ApiReply::finished, this, [this, ownScopes] {
        ownScopes->deleteLater();
        const QJsonArray items = ownScopes->object().value(QLatin1String("items")).toArray();
        int at = 1;
        for (const QJsonValue &value : items) {
            const QJsonObject scope = value.toObject();
            m_copyFrom->insertItem(at++,
                                   tr("Scope #%1 (%2, from %3)")
                                       .arg(scope.value(QLatin1String("id")).toInteger())
                                       .arg(scope.value(QLatin1String("state")).toString(),
                                            scope.value(QLatin1String("effectiveFrom")).toString().left(10)),
                                   QStringLiteral("scope:%1").arg(scope.value(QLatin1String("id")).toInteger()));
        }
    });
    QUrlQuery services;
    services.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    services.addQueryItem(QStringLiteral("sort"), QStringLiteral("name"));
    ApiReply *others = m_session->api()->get(QStringLiteral("services"), services);
    connect(others, &ApiReply::finished, this, [this, others] {
        others->deleteLater();
        for (const QJsonValue &value : others->object().value(QLatin1String("items")).toArray()) {
            const QJsonObject service = value.toObject();
            const qint64 id = service.value(QLatin1String("id")).toInteger();
            if (id == m_serviceId)
                continue;
            m_copyFrom->addItem(tr("Service: %1 (current scope)").arg(service.value(QLatin1String("name")).toString()),
                                QStringLiteral("service:%1").arg(id));
        }
    });
}

QJsonObject NewScopeDialog::body() const
{
    QJsonObject body {{QStringLiteral("serviceId"), m_serviceId},
                      {QStringLiteral("draft"), m_draft->isChecked()},
                      {QStringLiteral("effectiveFrom"), m_from->dateTime().toString(LocalFormat)}};
    if (m_hasTill->isChecked())
        body.insert(QStringLiteral("effectiveTill"), m_till->dateTime().toString(LocalFormat));
    const QString source = m_copyFrom->currentData().toString();
    if (source.startsWith(QLatin1String("scope:")))
        body.insert(QStringLiteral("copyTreeFromScopeId"), source.mid(6).toLongLong());
    else if (source.startsWith(QLatin1String("service:")))
        body.insert(QStringLiteral("copyTreeFromServiceId"), source.mid(8).toLongLong());
    return body;
}

void NewScopeDialog::accept()
{
    m_error->clear();
    ApiReply *reply = m_session->api()->post(QStringLiteral("service-scopes"), body());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            QStringList lines {describeFailure(reply)};
            for (auto it = reply->error().fields.cbegin(); it != reply->error().fields.cend(); ++it)
                lines << tr("%1: %2").arg(it.key(), it.value());
            m_error->setText(lines.join(QLatin1Char('\n')));
            return;
        }
        m_createdId = reply->object().value(QLatin1String("id")).toInteger();
        QDialog::accept();
    });
}

} // namespace backoffice::views
