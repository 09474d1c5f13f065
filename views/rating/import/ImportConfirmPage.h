#pragma once

#include <QWizardPage>

class QLabel;

namespace backoffice::views {

class AnalysisRunner;
class RateImportClient;
class ImportSettingsPage;

// Step 4 of the rate import (reference §7.3.2.4): what Finish will do — how many records, what
// changes, into which node — then Finish applies the settings on the server (POST …/apply). A
// refusal (422 not ready, 409 not in a state to apply) keeps the wizard open with the reason.
class ImportConfirmPage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportConfirmPage(RateImportClient *client, AnalysisRunner *runner, ImportSettingsPage *settings,
                      QWidget *parent = nullptr);

    // How the wizard names the node ("SMS message › A2P (MT)"); the server's label otherwise.
    void setTargetLabel(const QString &label) { m_target = label; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *errorLabel() const { return m_error; }
    bool isApplied() const { return m_applied; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    static QString removalWarning(int removed);
    RateImportClient *m_client;
    AnalysisRunner *m_runner;
    ImportSettingsPage *m_settings;
    QLabel *m_summary;
    QLabel *m_error;
    QString m_target;
    bool m_applied = false;
};

} // namespace backoffice::views
