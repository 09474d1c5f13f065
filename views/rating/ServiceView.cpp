#include "ServiceView.h"

#include "EntityCatalogue.h"
#include "EntityForm.h"
#include "EntityListView.h"
#include "FormFactory.h"
#include "NewScopeDialog.h"
#include "RateTreeEditor.h"
#include "RemoteTableModel.h"
#include "Session.h"

#include <QGroupBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

ListContext scopesOf(qint64 serviceId)
{
    ListContext context = ListContext::forEntity(entities::serviceScopes);
    context.key = QStringLiteral("service-scopes-of-service");
    context.title = QObject::tr("Scopes");
    context.fixedFilters = {{QStringLiteral("serviceId"), QString::number(serviceId)}};
    return context;
}

QWidget *framed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

} // namespace

ServiceView::ServiceView(Session *session, const ListContext &context, qint64 serviceId, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_serviceId(serviceId)
    , m_form(createForm(session, context, this))
    , m_scopes(new EntityListView(session, scopesOf(serviceId), this))
    , m_editor(new RateTreeEditor(session, this))
{
    setObjectName(QStringLiteral("serviceView"));
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(framed(tr("Properties"), m_form, top));
    top->addWidget(framed(tr("Scopes"), m_scopes, top));
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(framed(tr("Rate tree of the selected scope"), m_editor, split));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({340, 660});
    // The service is the tab's own; its column would repeat it on every row.
    m_scopes->setColumnVisible(QStringLiteral("serviceId"), false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_form, &EntityForm::titleChanged, this, &ServiceView::titleChanged);
    connect(m_form, &EntityForm::saved, this, [this] { emit serviceChanged(); });
    connect(m_scopes, &EntityListView::createRequested, this, [this] { createScope(); });
    connect(m_scopes, &EntityListView::currentRecordChanged, this, [this](const QJsonObject &record) {
        const qint64 id = record.value(QLatin1String("id")).toInteger();
        if (id > 0 && id != m_editor->scopeId())
            openScope(id);
    });
    connect(m_scopes, &EntityListView::openRequested, this, [this](const ListContext &, qint64 id) { openScope(id); });
    // The tab opens on the scope in force (else the first one), as the manual's service tab does.
    connect(m_scopes->model(), &RemoteTableModel::pageLoaded, this, [this](int first, int count) {
        if (first != 0 || count == 0 || m_editor->scopeId() > 0)
            return;
        int row = 0;
        for (int i = 0; i < count; ++i) {
            if (m_scopes->model()->record(i).value(QLatin1String("state")).toString() == QLatin1String("current"))
                row = i;
        }
        m_scopes->table()->setCurrentIndex(m_scopes->model()->index(row, 0));
    });
    // A saved tree changes the scope's node count in the list.
    connect(m_editor, &RateTreeEditor::saved, m_scopes, &EntityListView::reload);
    connect(m_editor, &RateTreeEditor::imported, m_scopes, &EntityListView::reload);
    m_form->openRecord(serviceId);
}

bool ServiceView::openScope(qint64 scopeId)
{
    return m_editor->loadScope(scopeId, !m_session->canManage(QStringLiteral("services")));
}

bool ServiceView::confirmLeave()
{
    return m_editor->confirmLeave();
}

void ServiceView::createScope()
{
    auto *dialog = new NewScopeDialog(m_session, m_serviceId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const qint64 id = dialog->createdScopeId();
        m_scopes->reload();
        openScope(id);
    });
    dialog->open();
}

} // namespace backoffice::views
