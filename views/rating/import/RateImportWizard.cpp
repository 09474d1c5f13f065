#include "RateImportWizard.h"

#include "AnalysisRunner.h"
#include "ApiClient.h"
#include "ImportConfirmPage.h"
#include "ImportFilePage.h"
#include "ImportPreviewPage.h"
#include "ImportSettingsPage.h"
#include "RateImportClient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace backoffice::views {

RateImportWizard::RateImportWizard(ApiClient &api, qint64 scopeId, qint64 nodeId, const QString &nodeLabel,
                                   QWidget *parent)
    : QWizard(parent)
    , m_client(new RateImportClient(api, scopeId, nodeId, this))
    , m_runner(new AnalysisRunner(api, this))
    , m_filePage(new ImportFilePage(m_client, this))
    , m_settingsPage(new ImportSettingsPage(m_client, m_runner, this))
    , m_previewPage(new ImportPreviewPage(m_runner, this))
    , m_confirmPage(new ImportConfirmPage(m_client, m_runner, m_settingsPage, this))
{
    setObjectName(QStringLiteral("rateImportWizard"));
    setWindowTitle(tr("Resource: %1 — Import from file").arg(nodeLabel));
    // The classic style everywhere: the settings page needs the width a sidebar would take.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setPage(FilePageId, m_filePage);
    setPage(SettingsPageId, m_settingsPage);
    setPage(PreviewPageId, m_previewPage);
    setPage(ConfirmPageId, m_confirmPage);
    setStartId(FilePageId);
    resize(1280, 820);

    m_confirmPage->setTargetLabel(nodeLabel);
    m_settingsPage->setTargetLabel(nodeLabel);
    connect(m_client, &RateImportClient::applied, this, [this] { emit imported(); });
    loadAncestors();
}

RateImportWizard::~RateImportWizard() = default; // the client forgets the import as it goes

void RateImportWizard::done(int result)
{
    QWizard::done(result);
    // Finish before the apply has answered: QWizard::done refused (the last page does not validate
    // yet), the wizard stays open and comes back here once the rates are in.
    if (result == QDialog::Accepted && !m_confirmPage->isApplied())
        return;
    // Closed, finished or cancelled: the server need not keep the sheet for its 60 minutes.
    m_client->forget();
    m_runner->setImportId({});
}

void RateImportWizard::loadAncestors()
{
    // The preview shows the imported subtree where it hangs: the path from the root to the node.
    const qint64 nodeId = m_client->nodeId();
    ApiReply *reply = m_client->api().get(QStringLiteral("service-scopes/%1/tree").arg(m_client->scopeId()));
    connect(reply, &ApiReply::finished, this, [this, reply, nodeId] {
        reply->deleteLater();
        if (!reply->ok())
            return; // the preview then shows the subtree on its own
        QHash<qint64, QJsonObject> byId;
        for (const QJsonValue &value : reply->object().value(QLatin1String("nodes")).toArray()) {
            const QJsonObject node = value.toObject();
            byId.insert(node.value(QLatin1String("id")).toInteger(), node);
        }
        QJsonArray path;
        QJsonValue parent = byId.value(nodeId).value(QLatin1String("parentId"));
        // Bounded by the tree's depth limit: a damaged answer cannot loop forever.
        for (int depth = 0; !parent.isNull() && !parent.isUndefined() && depth < 64; ++depth) {
            const QJsonObject node = byId.value(parent.toInteger());
            if (node.isEmpty())
                return;
            path.prepend(node);
            parent = node.value(QLatin1String("parentId"));
        }
        m_previewPage->setAncestors(path);
    });
}

} // namespace backoffice::views
