#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QLabel;
class QTableView;
class QTimer;

namespace backoffice {
class ApiReply;
}

namespace backoffice::views {

class ClientBindsModel;
class MessageBanner;
class Session;
class VendorSessionsModel;

// Settings → Connection status: the messaging engine as it runs (GET messaging/status) — every
// vendor SMPP session with its state and counters, every client bound to our SMSC, and one line on
// the parts in flight, the EDR writer and the client callbacks. Polls every two seconds while it is
// on screen and not at all while hidden; Refresh (F5) asks at once.
class ConnectionStatusView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 2000;

    explicit ConnectionStatusView(Session *session, QWidget *parent = nullptr);

    VendorSessionsModel *vendorModel() const { return m_vendors; }
    ClientBindsModel *clientModel() const { return m_clients; }
    QTableView *vendorTable() const { return m_vendorTable; }
    QTableView *clientTable() const { return m_clientTable; }
    QLabel *summaryLabel() const { return m_summary; }
    QAction *refreshAction() const { return m_refreshAction; }
    QTimer *pollTimer() const { return m_timer; }
    const QJsonObject &lastStatus() const { return m_status; }

public slots:
    void refresh();

signals:
    void refreshed(bool ok);
    // Double-click on a row: the connection's record ("vendor-smpp-connections", 3).
    void openConnectionRequested(const QString &entity, qint64 id);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QTableView *createTable(QAbstractItemModel *model);
    static void fitHeight(QTableView *table);
    void showStatus(const QJsonObject &status);

    Session *m_session;
    VendorSessionsModel *m_vendors;
    ClientBindsModel *m_clients;
    MessageBanner *m_banner;
    QLabel *m_summary;
    QLabel *m_updated;
    QLabel *m_noBinds;
    QTableView *m_vendorTable;
    QTableView *m_clientTable;
    QTimer *m_timer;
    QAction *m_refreshAction;
    QPointer<ApiReply> m_pending;
    QJsonObject m_status;
};

} // namespace backoffice::views
