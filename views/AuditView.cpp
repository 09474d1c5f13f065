#include "AuditView.h"

#include "AuditDetailView.h"
#include "EntityCatalogue.h"
#include "EntityListView.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace backoffice::views {

AuditView::AuditView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_list(new EntityListView(session, ListContext::forEntity(entities::audit), this))
    , m_detail(new AuditDetailView(session, this))
{
    setObjectName(QStringLiteral("auditView"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setFocusProxy(m_list);

    connect(m_list, &EntityListView::currentRecordChanged, this, [this](const QJsonObject &record) {
        if (record.isEmpty())
            return;
        // List rows normally carry the values; a row without them is fetched on its own.
        if (record.contains(QLatin1String("oldValue")) || record.contains(QLatin1String("newValue")))
            m_detail->showRecord(record);
        else
            m_detail->openRecord(record.value(QLatin1String("id")).toInteger());
    });
}

} // namespace backoffice::views
