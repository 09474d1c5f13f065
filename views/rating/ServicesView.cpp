#include "ServicesView.h"

#include "ApiClient.h"
#include "EntityListView.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "Session.h"

#include <QAction>
#include <QMessageBox>
#include <QToolBar>
#include <QVBoxLayout>

namespace backoffice::views {

ServicesView::ServicesView(Session *session, const ListContext &context, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new EntityListView(session, context, this))
    , m_toolBar(new QToolBar(this))
    , m_clone(new QAction(tr("Clone"), this))
    , m_archive(new QAction(tr("Archive"), this))
    , m_restore(new QAction(tr("Restore"), this))
    , m_quote(new QAction(tr("Quote…"), this))
{
    setObjectName(QStringLiteral("servicesView"));
    m_clone->setObjectName(QStringLiteral("cloneServiceAction"));
    m_archive->setObjectName(QStringLiteral("archiveServiceAction"));
    m_restore->setObjectName(QStringLiteral("restoreServiceAction"));
    m_toolBar->addAction(m_clone);
    m_toolBar->addAction(m_archive);
    m_toolBar->addAction(m_restore);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_quote);
    m_quote->setObjectName(QStringLiteral("quoteAction"));
    // Viewers may quote; only managers clone, archive and restore.
    const bool manage = m_session->canManage(context.permissionArea);
    m_clone->setVisible(manage);
    m_archive->setVisible(manage);
    m_restore->setVisible(manage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_list, 1);
    setFocusProxy(m_list);

    connect(m_clone, &QAction::triggered, this, &ServicesView::cloneCurrent);
    connect(m_archive, &QAction::triggered, this, &ServicesView::archiveCurrent);
    connect(m_restore, &QAction::triggered, this, &ServicesView::restoreCurrent);
    connect(m_quote, &QAction::triggered, this, &ServicesView::quoteRequested);
    connect(m_list, &EntityListView::currentRecordChanged, this, [this](const QJsonObject &record) {
        m_current = record;
        updateActions();
    });
    updateActions();
}

void ServicesView::updateActions()
{
    const bool any = m_current.contains(QLatin1String("id"));
    const bool archived = m_current.value(QLatin1String("archived")).toBool();
    m_clone->setEnabled(any);
    m_archive->setEnabled(any && !archived);
    m_restore->setEnabled(any && archived);
}

void ServicesView::post(const QString &verb, const QString &done)
{
    const qint64 id = m_current.value(QLatin1String("id")).toInteger();
    if (id <= 0)
        return;
    ApiReply *reply = m_session->api()->post(QStringLiteral("services/%1/%2").arg(id).arg(verb));
    connect(reply, &ApiReply::finished, this, [this, reply, verb, done] {
        reply->deleteLater();
        if (!reply->ok()) {
            m_list->banner()->showError(describeFailure(reply));
            return;
        }
        m_list->banner()->showInfo(done);
        m_list->reload();
        if (verb == QLatin1String("clone"))
            emit cloned(reply->object().value(QLatin1String("id")).toInteger());
    });
}

void ServicesView::cloneCurrent()
{
    post(QStringLiteral("clone"), tr("Service cloned with its scopes and rate trees."));
}

void ServicesView::archiveCurrent()
{
    const QString name = m_current.value(QLatin1String("name")).toString();
    if (QMessageBox::question(this, tr("Archive service"),
                              tr("Archive \"%1\"? It can no longer be enabled for clients.").arg(name))
        != QMessageBox::Yes)
        return;
    post(QStringLiteral("archive"), tr("Service archived."));
}

void ServicesView::restoreCurrent()
{
    post(QStringLiteral("restore"), tr("Service restored."));
}

} // namespace backoffice::views
