#include "ConnectionStatusView.h"

#include "ApiClient.h"
#include "ClientBindsModel.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "MessagingEntities.h"
#include "Session.h"
#include "VendorSessionsModel.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace backoffice::views {

ConnectionStatusView::ConnectionStatusView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_vendors(new VendorSessionsModel(this))
    , m_clients(new ClientBindsModel(this))
    , m_banner(new MessageBanner(this))
    , m_summary(new QLabel(this))
    , m_updated(new QLabel(this))
    , m_noBinds(new QLabel(tr("No client is bound to the SMSC right now."), this))
    , m_timer(new QTimer(this))
    , m_refreshAction(new QAction(tr("Refresh"), this))
{
    setObjectName(QStringLiteral("connectionStatus"));
    m_summary->setObjectName(QStringLiteral("statusSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_updated->setObjectName(QStringLiteral("statusUpdated"));
    m_updated->setStyleSheet(QStringLiteral("color: palette(mid);"));

    m_refreshAction->setShortcut(Qt::Key_F5);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(tr("Ask the server now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &ConnectionStatusView::refresh);
    addAction(m_refreshAction);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(m_refreshAction);

    m_timer->setInterval(RefreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ConnectionStatusView::refresh);

    m_vendorTable = createTable(m_vendors);
    m_vendorTable->setObjectName(QStringLiteral("vendorSessions"));
    m_vendorTable->horizontalHeader()->setSectionResizeMode(VendorSessionsModel::Name, QHeaderView::Stretch);
    m_clientTable = createTable(m_clients);
    m_clientTable->setObjectName(QStringLiteral("clientBinds"));
    m_clientTable->horizontalHeader()->setSectionResizeMode(ClientBindsModel::Name, QHeaderView::Stretch);
    connect(m_vendorTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openConnectionRequested(entities::vendorSmppConnections,
                                     index.data(VendorSessionsModel::ConnectionIdRole).toLongLong());
    });
    connect(m_clientTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openConnectionRequested(entities::clientSmppConnections,
                                     index.data(ClientBindsModel::ConnectionIdRole).toLongLong());
    });
    m_noBinds->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *top = new QHBoxLayout;
    top->addWidget(refreshButton);
    top->addWidget(m_updated);
    top->addStretch(1);

    auto *vendorBox = new QGroupBox(tr("Vendor SMPP sessions"), this);
    auto *vendorLayout = new QVBoxLayout(vendorBox);
    vendorLayout->addWidget(m_vendorTable);
    auto *clientBox = new QGroupBox(tr("Client SMPP binds"), this);
    auto *clientLayout = new QVBoxLayout(clientBox);
    clientLayout->addWidget(m_noBinds);
    clientLayout->addWidget(m_clientTable);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(vendorBox);
    layout->addWidget(clientBox);
    layout->addStretch(1);

    m_summary->setText(tr("Waiting for the server…"));
    m_clientTable->hide();
    fitHeight(m_vendorTable);
}

void ConnectionStatusView::fitHeight(QTableView *table)
{
    // As tall as its rows (a handful of connections should not sit in a screen-high grid), and
    // never shorter than four rows while the window has room for more.
    const int rows = qMax(1, table->model()->rowCount());
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    const int chrome = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth()
        + table->horizontalScrollBar()->sizeHint().height();
    table->setMaximumHeight(chrome + rows * rowHeight);
    table->setMinimumHeight(chrome + qMin(rows, 4) * rowHeight);
}

QTableView *ConnectionStatusView::createTable(QAbstractItemModel *model)
{
    auto *table = new QTableView(this);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setMinimumSectionSize(70);
    return table;
}

void ConnectionStatusView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void ConnectionStatusView::hideEvent(QHideEvent *event)
{
    // A tab in the background costs the server nothing.
    m_timer->stop();
    QWidget::hideEvent(event);
}

void ConnectionStatusView::refresh()
{
    if (m_pending)
        return; // the answer to the last question is still on its way
    ApiReply *reply = m_session->api()->get(QStringLiteral("messaging/status"));
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_pending = nullptr;
        if (!reply->ok()) {
            m_banner->showError(tr("The connection status could not be read: %1").arg(describeFailure(reply)));
            emit refreshed(false);
            return;
        }
        m_banner->clearMessage();
        showStatus(reply->object());
        emit refreshed(true);
    });
}

void ConnectionStatusView::showStatus(const QJsonObject &status)
{
    m_status = status;
    m_vendors->setSessions(status.value(QLatin1String("vendorConnections")).toArray());
    const QJsonArray binds = status.value(QLatin1String("clientBinds")).toArray();
    m_clients->setBinds(binds);
    fitHeight(m_vendorTable);
    fitHeight(m_clientTable);
    m_clientTable->setVisible(!binds.isEmpty());
    m_noBinds->setVisible(binds.isEmpty());

    const QJsonObject writer = status.value(QLatin1String("writer")).toObject();
    const QJsonObject callbacks = status.value(QLatin1String("callbacks")).toObject();
    auto count = [](const QJsonObject &object, const char *key) {
        return QString::number(object.value(QLatin1String(key)).toInteger());
    };
    auto millis = [](const QJsonObject &object, const char *key) {
        return QString::number(object.value(QLatin1String(key)).toDouble(), 'f', 1);
    };
    QStringList parts;
    parts << tr("<b>Parts in flight:</b> %1").arg(count(status, "partsInFlight"));
    parts << tr("<b>EDR writer:</b> %1 transactions, %2 EDR writes, last commit %3 ms (max %4 ms)")
                 .arg(count(writer, "transactions"), count(writer, "edrWrites"), millis(writer, "lastCommitMs"),
                      millis(writer, "maxCommitMs"));
    if (writer.value(QLatin1String("failures")).toInteger() > 0)
        parts.last() += tr(", <span style=\"color:#c62828\">%1 failures</span>").arg(count(writer, "failures"));
    parts << tr("<b>Callbacks:</b> %1 pending, %2 delivered, %3 failed attempts, %4 abandoned")
                 .arg(count(callbacks, "pending"), count(callbacks, "delivered"), count(callbacks, "failedAttempts"),
                      count(callbacks, "abandoned"));
    parts << tr("<b>Client SMPP port:</b> %1").arg(count(status, "smppPort"));
    m_summary->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_updated->setText(tr("Updated %1, every %2 s while shown")
                           .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                           .arg(RefreshIntervalMs / 1000));
}

} // namespace backoffice::views
