#include "InvoiceForm.h"

#include "ApiClient.h"
#include "BillingEntities.h"
#include "ErrorText.h"
#include "FieldCell.h"
#include "InvoiceChargesDialog.h"
#include "InvoiceLinesPanel.h"
#include "MessageBanner.h"
#include "Session.h"
#include "ValueFormat.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

const QString Draft = QStringLiteral("DRAFT");

QString text(const QJsonObject &record, const char *key)
{
    return record.value(QLatin1String(key)).toString();
}

QString askSavePath(QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

} // namespace

InvoiceForm::InvoiceForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
    , m_chooser(askSavePath)
{
    connect(this, &EntityForm::busyChanged, this, &InvoiceForm::updateActions);
}

InvoiceChargesDialog *InvoiceForm::chargesDialog() const
{
    return m_chargesDialog;
}

bool InvoiceForm::isDraft() const
{
    return text(record(), "status") == Draft;
}

QStringList InvoiceForm::formFieldNames() const
{
    // In pairs, as the two columns of the form show them: who and what first, then the period,
    // the dates, the money, and how the invoice came to be.
    return {QStringLiteral("referenceNumber"),
            QStringLiteral("status"),
            QStringLiteral("agreementId"),
            QStringLiteral("companyId"),
            QStringLiteral("ownLegalEntityId"),
            QStringLiteral("direction"),
            QStringLiteral("periodStart"),
            QStringLiteral("periodEnd"),
            QStringLiteral("billingPeriod"),
            QStringLiteral("timeZone"),
            QStringLiteral("issueDate"),
            QStringLiteral("dueDate"),
            QStringLiteral("net"),
            QStringLiteral("tax"),
            QStringLiteral("total"),
            QStringLiteral("currency"),
            QStringLiteral("taxRate"),
            QStringLiteral("taxLabel"),
            QStringLiteral("chargeCount"),
            QStringLiteral("calculatedAt"),
            QStringLiteral("confirmedAt"),
            QStringLiteral("confirmedBy"),
            QStringLiteral("comment")};
}

void InvoiceForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);

    m_recalculate = new QPushButton(tr("Recalculate"), this);
    m_confirm = new QPushButton(tr("Confirm…"), this);
    m_pdf = new QPushButton(tr("Download PDF…"), this);
    m_details = new QPushButton(tr("Download details…"), this);
    m_recalculate->setObjectName(QStringLiteral("recalculateButton"));
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_pdf->setObjectName(QStringLiteral("pdfButton"));
    m_details->setObjectName(QStringLiteral("detailsButton"));
    m_recalculate->setToolTip(tr("Sum the period's charges into the lines again"));
    m_pdf->setToolTip(tr("Save the printed invoice (PDF)"));
    m_details->setToolTip(tr("Save a ZIP with the printed invoice and its lines as CSV and XLSX"));
    connect(m_recalculate, &QPushButton::clicked, this, &InvoiceForm::recalculate);
    connect(m_confirm, &QPushButton::clicked, this, &InvoiceForm::requestConfirm);
    connect(m_pdf, &QPushButton::clicked, this, &InvoiceForm::downloadPdf);
    connect(m_details, &QPushButton::clicked, this, &InvoiceForm::downloadDetails);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_recalculate);
    actions->addWidget(m_confirm);
    actions->addStretch(1);
    actions->addWidget(m_pdf);
    actions->addWidget(m_details);
    layout->addLayout(actions);

    m_lines = new InvoiceLinesPanel(session()->api(), this);
    layout->addWidget(m_lines);
    connect(m_lines, &InvoiceLinesPanel::chargesRequested, this, &InvoiceForm::showCharges);
    connect(m_lines, &InvoiceLinesPanel::loaded, this, [this](bool ok) {
        if (!ok)
            m_linesStamp.clear(); // the next load of the header tries again
    });
    updateActions();
}

bool InvoiceForm::canDeleteRecord() const
{
    return false; // the server refuses: a draft is recalculated instead
}

void InvoiceForm::onRecordLoaded(const QJsonObject &record)
{
    if (!m_lines)
        return;
    showHeaderTexts(record);
    // Lines change only when the invoice is calculated (by Recalculate, Confirm or the job), so
    // they are read again when that stamp moves, not when Edit or Save reload the same header.
    const QString stamp
        = QStringLiteral("%1 %2 %3").arg(recordId()).arg(text(record, "calculatedAt"), text(record, "status"));
    if (recordId() <= 0) {
        m_linesStamp.clear();
        m_lines->clearLines();
    } else if (stamp != m_linesStamp) {
        m_linesStamp = stamp;
        m_lines->load(recordId(), text(record, "currency"));
    }
    if (!m_pendingMessage.isEmpty()) {
        banner()->showMessage(m_pendingMessage,
                              m_pendingIsError ? MessageBanner::Kind::Error : MessageBanner::Kind::Info);
        m_pendingMessage.clear();
    }
    updateActions();
}

void InvoiceForm::showHeaderTexts(const QJsonObject &record)
{
    // The period is the billing period of the agreement: read in its zone, as the invoice prints it.
    const QString zone = text(record, "timeZone");
    for (const char *name : {"periodStart", "periodEnd"}) {
        if (FieldCell *periodCell = cell(QLatin1String(name)))
            periodCell->setDisplayText(valueformat::displayInstant(text(record, name), zone));
    }
    const QString currency = text(record, "currency");
    for (const char *name : {"net", "tax", "total"}) {
        if (FieldCell *moneyCell = cell(QLatin1String(name)))
            moneyCell->setDisplayText(valueformat::displayAmount(record.value(QLatin1String(name)), currency));
    }
    if (FieldCell *rate = cell(QStringLiteral("taxRate"))) {
        const QString percent = valueformat::displayAmount(record.value(QLatin1String("taxRate")), {}, 0);
        rate->setDisplayText(percent.isEmpty() ? QString() : QString(percent + QStringLiteral(" %")));
    }
    if (FieldCell *reference = cell(QStringLiteral("referenceNumber"))) {
        if (text(record, "referenceNumber").isEmpty())
            reference->setDisplayText(tr("— (given on confirmation)"));
    }
}

void InvoiceForm::onModeChanged(FormMode)
{
    updateActions();
}

void InvoiceForm::updateActions()
{
    if (!m_recalculate)
        return;
    const bool loaded = recordId() > 0 && !record().isEmpty();
    const bool viewing = mode() == FormMode::View;
    // Only a draft changes, and only for who may manage invoices (the server checks both again).
    const bool mayChange = loaded && viewing && isDraft() && canManage();
    m_recalculate->setVisible(mayChange);
    m_confirm->setVisible(mayChange);
    m_recalculate->setEnabled(!isBusy());
    m_confirm->setEnabled(!isBusy());
    m_pdf->setVisible(loaded && viewing);
    m_details->setVisible(loaded && viewing);
    m_pdf->setEnabled(!m_downloading);
    m_details->setEnabled(!m_downloading);
    // Confirm stays clickable before the period is over: the server says why not, and when.
    const QDateTime periodEnd = valueformat::parseInstant(text(record(), "periodEnd"));
    m_confirm->setToolTip(
        periodEnd.isValid() && periodEnd > QDateTime::currentDateTimeUtc()
            ? tr("The billing period runs until %1: an invoice is confirmed once its period is over")
                  .arg(valueformat::displayInstant(text(record(), "periodEnd"), text(record(), "timeZone")))
            : tr("Give the invoice its reference number, issue and due date; "
                 "a confirmed invoice no longer changes"));
}

void InvoiceForm::recalculate()
{
    if (isBusy() || !isDraft() || !canManage())
        return;
    runAction(QStringLiteral("recalculate"), tr("Recalculated from the period's charges."));
}

void InvoiceForm::requestConfirm()
{
    if (isBusy() || !isDraft() || !canManage())
        return;
    const QString zone = text(record(), "timeZone");
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Confirm invoice"),
        tr("Confirm invoice #%1 of %2 for %3 – %4 (%5), total %6?")
            .arg(QString::number(recordId()), text(record(), "agreementName"),
                 valueformat::displayInstant(text(record(), "periodStart"), zone),
                 valueformat::displayInstant(text(record(), "periodEnd"), zone), zone,
                 valueformat::displayAmount(record().value(QLatin1String("total")), text(record(), "currency"))),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmInvoiceConfirmation"));
    box->setInformativeText(tr("Confirming gives the invoice its reference number and fixes its lines and totals. "
                               "This cannot be undone."));
    box->button(QMessageBox::Yes)->setText(tr("Confirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            runAction(QStringLiteral("confirm"), tr("Invoice confirmed."));
    });
    box->open();
}

void InvoiceForm::runAction(const QString &action, const QString &doneMessage)
{
    setBusy(true);
    banner()->clearMessage();
    const qint64 id = recordId();
    ApiReply *reply = session()->api()->post(QStringLiteral("invoices/%1/%2").arg(id).arg(action));
    connect(reply, &ApiReply::finished, this, [this, reply, doneMessage, id] {
        reply->deleteLater();
        setBusy(false);
        if (!reply->ok()) {
            const ApiError &error = reply->error();
            if (error.code == QLatin1String("period_not_over")) {
                banner()->showError(tr("The invoice cannot be confirmed yet. %1").arg(error.message));
                return;
            }
            if (error.code == QLatin1String("invoice_confirmed")) {
                // Confirmed meanwhile (another tab, another user): show it as it is now.
                m_pendingMessage = error.message;
                m_pendingIsError = true;
                reload();
                return;
            }
            banner()->showError(describeFailure(reply));
            return;
        }
        m_pendingMessage = doneMessage;
        m_pendingIsError = false;
        reload(); // the header and, with it, the lines
        emit saved(entity().name, id); // lists of invoices show the new totals and status
    });
}

void InvoiceForm::downloadPdf()
{
    download(invoicefiles::Document::Pdf);
}

void InvoiceForm::downloadDetails()
{
    download(invoicefiles::Document::Details);
}

void InvoiceForm::download(invoicefiles::Document document)
{
    if (m_downloading || recordId() <= 0 || record().isEmpty())
        return;
    const bool pdf = document == invoicefiles::Document::Pdf;
    // Documents when there is such a folder; otherwise home, not whatever folder the app started in.
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(invoicefiles::suggestedFileName(record(), document));
    const QString fileName = m_chooser(this, pdf ? tr("Save invoice") : tr("Save invoice details"), suggested,
                                       pdf ? tr("PDF files (*.pdf)") : tr("ZIP archives (*.zip)"));
    if (fileName.isEmpty())
        return;
    downloadTo(document, fileName);
}

void InvoiceForm::downloadTo(invoicefiles::Document document, const QString &fileName)
{
    m_downloading = true;
    updateActions();
    ApiReply *reply = session()->api()->get(invoicefiles::apiPath(recordId(), document));
    connect(reply, &ApiReply::finished, this, [this, reply, fileName] {
        reply->deleteLater();
        m_downloading = false;
        updateActions();
        QString message;
        bool ok = reply->ok();
        if (!ok) {
            message = describeFailure(reply);
        } else {
            ok = invoicefiles::write(reply->body(), fileName, &message); // the message says why not
            if (ok)
                message = tr("Saved %1 (%2 KB).")
                              .arg(QDir::toNativeSeparators(fileName))
                              .arg((reply->body().size() + 1023) / 1024);
        }
        banner()->showMessage(message, ok ? MessageBanner::Kind::Info : MessageBanner::Kind::Error);
        emit downloadFinished(ok, message);
    });
}

void InvoiceForm::showCharges(const QJsonObject &line)
{
    if (line.isEmpty() || record().isEmpty())
        return;
    auto *dialog = new InvoiceChargesDialog(session()->api(), record(), line, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &InvoiceChargesDialog::chargeOpenRequested, this, &InvoiceForm::chargeRequested);
    m_chargesDialog = dialog;
    dialog->show(); // not modal: staff compare charges with the lines behind it
}

} // namespace backoffice::views
