#pragma once

#include <QWizard>

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

class AnalysisRunner;
class ImportConfirmPage;
class ImportFilePage;
class ImportPreviewPage;
class ImportSettingsPage;
class RateImportClient;

// "Resource: SMS message — Import from file" (reference §7.3.2): imports a rate sheet into one
// node of a scope's rate tree in four steps — file, settings, preview, confirm. The work is the
// server's (docs/API.md "Rate imports"); the wizard drives it and forgets the import on the server
// when it closes, whatever the way out.
class RateImportWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePageId, SettingsPageId, PreviewPageId, ConfirmPageId };

    RateImportWizard(ApiClient &api, qint64 scopeId, qint64 nodeId, const QString &nodeLabel,
                     QWidget *parent = nullptr);
    ~RateImportWizard() override;

    RateImportClient *client() const { return m_client; }
    AnalysisRunner *analysis() const { return m_runner; }
    ImportFilePage *filePage() const { return m_filePage; }
    ImportSettingsPage *settingsPage() const { return m_settingsPage; }
    ImportPreviewPage *previewPage() const { return m_previewPage; }
    ImportConfirmPage *confirmPage() const { return m_confirmPage; }

    void done(int result) override;

signals:
    // The rates are in the tree (after a successful apply); the editor shows the tree again.
    void imported();

private:
    void loadAncestors();

    RateImportClient *m_client;
    AnalysisRunner *m_runner;
    ImportFilePage *m_filePage;
    ImportSettingsPage *m_settingsPage;
    ImportPreviewPage *m_previewPage;
    ImportConfirmPage *m_confirmPage;
};

} // namespace backoffice::views
