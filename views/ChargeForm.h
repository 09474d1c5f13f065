#pragma once

#include "EntityForm.h"

namespace backoffice::views {

class ChargeDetailsView;
class ChargeSummaryPanel;

// A charge in its own tab (reference §7.2, "Double-click on a charge to open it in a separate
// tab"): the summary with the invoice it is on (a link to that invoice's tab), the totals row, and
// every field of the charge in ChargeDetailsView. Charges are written by the engine and the billing
// jobs only, so the tab is read-only; a charge that cannot be read leaves the server's reason in
// the banner.
class ChargeForm final : public EntityForm
{
    Q_OBJECT
public:
    ChargeForm(Session *session, ListContext context, QWidget *parent = nullptr);

    ChargeSummaryPanel *summary() const { return m_summary; }
    ChargeDetailsView *details() const { return m_details; }
    // The invoice the charge is on, as the server sent it; empty while it is looked up, when the
    // charge is not invoiced yet, or when it could not be read.
    const QJsonObject &invoice() const { return m_invoice; }

signals:
    // The invoice link was clicked: the main window opens (or brings forward) that invoice's tab.
    void invoiceRequested(qint64 invoiceId);
    // The search for the charge's invoice was answered; false when it failed (the banner says why).
    void invoiceLookedUp(bool ok);

protected:
    void buildBody(QVBoxLayout *layout) override;
    void onRecordLoaded(const QJsonObject &record) override;

private:
    void lookUpInvoice(const QJsonObject &charge);
    void showInvoice(const QJsonObject &charge, const QJsonObject &invoice);
    void showDetails(const QJsonObject &charge, const QString &timeZone);

    ChargeSummaryPanel *m_summary = nullptr;
    ChargeDetailsView *m_details = nullptr;
    QJsonObject m_invoice;
    int m_lookup = 0; // numbers the searches, so the answer to one made for an earlier load is dropped
};

} // namespace backoffice::views
