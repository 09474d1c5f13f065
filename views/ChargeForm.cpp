#include "ChargeForm.h"

#include "ApiClient.h"
#include "BillingEntities.h"
#include "ChargeDetailsView.h"
#include "ChargeInvoice.h"
#include "ChargeSummaryPanel.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "Session.h"

#include <QJsonArray>
#include <QVBoxLayout>

namespace backoffice::views {

ChargeForm::ChargeForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{ }

void ChargeForm::buildBody(QVBoxLayout *layout)
{
    // Not the default grid of fields: the details view below already shows every catalogue field of
    // the charge (fields the server adds appear there without a change here).
    m_summary = new ChargeSummaryPanel(this);
    m_details = new ChargeDetailsView(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_details);
    connect(m_summary, &ChargeSummaryPanel::invoiceClicked, this, &ChargeForm::invoiceRequested);
}

void ChargeForm::onRecordLoaded(const QJsonObject &record)
{
    if (!m_summary)
        return;
    m_invoice = {};
    ++m_lookup;
    if (record.isEmpty()) {
        m_summary->clear();
        m_details->clearCharge();
        return;
    }
    m_summary->showCharge(record);
    // Times read in the invoice's billing zone once it is known; the viewer's zone until then.
    m_details->setInvoiceText(tr("looking up…"));
    showDetails(record, {});
    lookUpInvoice(record);
}

void ChargeForm::lookUpInvoice(const QJsonObject &charge)
{
    if (charge.value(QLatin1String("agreementId")).toInteger() <= 0
        || charge.value(QLatin1String("chargedAt")).toString().isEmpty()) {
        showInvoice(charge, {}); // nothing an invoice could be found by
        emit invoiceLookedUp(true);
        return;
    }
    const int lookup = m_lookup;
    ApiReply *reply = session()->api()->get(entities::invoices, chargeinvoice::candidatesQuery(charge));
    connect(reply, &ApiReply::finished, this, [this, reply, lookup, charge] {
        reply->deleteLater();
        if (lookup != m_lookup)
            return; // the charge was loaded again meanwhile; that load asked again
        if (!reply->ok()) {
            banner()->showError(tr("The invoice of this charge could not be read. %1").arg(describeFailure(reply)));
            m_summary->showInvoiceUnknown();
            m_details->setInvoiceText(tr("unknown"));
            emit invoiceLookedUp(false);
            return;
        }
        const QJsonArray candidates = reply->object().value(QLatin1String("items")).toArray();
        showInvoice(charge, chargeinvoice::pick(candidates, charge));
        emit invoiceLookedUp(true);
    });
}

void ChargeForm::showInvoice(const QJsonObject &charge, const QJsonObject &invoice)
{
    m_invoice = invoice;
    if (invoice.isEmpty()) {
        m_summary->showNotInvoiced();
        m_details->setInvoiceText(tr("not invoiced yet"));
        return;
    }
    m_summary->showInvoice(invoice);
    m_details->setInvoiceText(chargeinvoice::reference(invoice));
    showDetails(charge, invoice.value(QLatin1String("timeZone")).toString());
}

void ChargeForm::showDetails(const QJsonObject &charge, const QString &timeZone)
{
    m_details->showCharge(charge, timeZone);
    // The view names the charge in its title, which the tab's own title already does.
    m_details->setTitle(tr("Charge details"));
}

} // namespace backoffice::views
