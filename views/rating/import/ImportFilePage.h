#pragma once

#include "RateImportClient.h"

#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace backoffice::views {

// Step 1 of the rate import (reference §7.3.2.1): the format (Standard, WhatsApp basic, WhatsApp
// tier), the file (CSV, XLS, XLSX), its sheet and, for CSV, its encoding. Next uploads the file and
// shows the server's reading with a progress bar and Cancel; the wizard moves on only once the
// sheet is read ("ready"). A file that cannot be read keeps the page, with the reason.
class ImportFilePage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportFilePage(RateImportClient *client, QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    QString filePath() const;
    // standard, whatsappBasic, whatsappTier
    void setFormat(const QString &format);
    QString format() const;
    void setSheet(const QString &sheet);
    // utf-8, windows-1252, latin1
    void setEncoding(const QString &encoding);

    QLabel *errorLabel() const { return m_error; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    // Starts the upload of the chosen file (what Next does when the file is not read yet).
    bool startUpload();

    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void showState();
    void showError(const QString &message);
    QString uploadKey() const;

    RateImportClient *m_client;
    QButtonGroup *m_formats;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLineEdit *m_sheet;
    QComboBox *m_encoding;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
    QLabel *m_error;
    // What the import on the server was read from (file, format, sheet, encoding): a change means
    // uploading again.
    QString m_uploadedKey;
    bool m_advanceWhenReady = false;
};

} // namespace backoffice::views
