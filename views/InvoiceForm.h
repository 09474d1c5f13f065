#pragma once

#include "EntityForm.h"
#include "InvoiceFiles.h"

#include <QPointer>
#include <functional>

class QPushButton;

namespace backoffice::views {

class InvoiceChargesDialog;
class InvoiceLinesPanel;

// An invoice (reference §7.2): the header the billing job keeps (only the comment is staff's to
// edit), the lines below it with the charges each one sums, and what billing staff do with a
// draft: Recalculate it from its period's charges, Confirm it (reference number, issue and due
// date; cannot be undone), and download the printed invoice or the archive with its details.
// Invoices are never created or deleted by hand, so there is no Delete.
class InvoiceForm final : public EntityForm
{
    Q_OBJECT
public:
    // Asks where a download goes (the save dialog); returns an empty path to cancel.
    using SavePathChooser = std::function<QString(QWidget *parent, const QString &title, const QString &suggested,
                                                  const QString &filter)>;

    InvoiceForm(Session *session, ListContext context, QWidget *parent = nullptr);

    bool isDraft() const;
    InvoiceLinesPanel *linesPanel() const { return m_lines; }
    QPushButton *recalculateButton() const { return m_recalculate; }
    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *pdfButton() const { return m_pdf; }
    QPushButton *detailsButton() const { return m_details; }
    // The charges window opened last (null when closed).
    InvoiceChargesDialog *chargesDialog() const;
    // Replaces the save dialog (tests give a path rather than answer a dialog).
    void setSavePathChooser(SavePathChooser chooser) { m_chooser = std::move(chooser); }

public slots:
    void recalculate();
    // Asks for confirmation first: confirming cannot be undone.
    void requestConfirm();
    void downloadPdf();
    void downloadDetails();
    void showCharges(const QJsonObject &line);

signals:
    void downloadFinished(bool ok, const QString &message);
    // A charge of the charges window was double-clicked: the main window opens its tab.
    void chargeRequested(qint64 chargeId);

protected:
    void buildBody(QVBoxLayout *layout) override;
    QStringList formFieldNames() const override;
    bool canDeleteRecord() const override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;

private:
    void runAction(const QString &action, const QString &doneMessage);
    void download(invoicefiles::Document document);
    void downloadTo(invoicefiles::Document document, const QString &fileName);
    void showHeaderTexts(const QJsonObject &record);
    void updateActions();

    InvoiceLinesPanel *m_lines = nullptr;
    QPushButton *m_recalculate = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_details = nullptr;
    QPointer<InvoiceChargesDialog> m_chargesDialog;
    SavePathChooser m_chooser;
    bool m_downloading = false;
    QString m_linesStamp; // invoice id, calculation time and status of the lines on screen
    // What to say once the reload after an action has arrived (a reload clears the banner).
    QString m_pendingMessage;
    bool m_pendingIsError = false;
};

} // namespace backoffice::views
