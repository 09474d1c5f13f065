#include "ImportConfirmPage.h"

#include "AnalysisRunner.h"
#include "ImportDiffView.h"
#include "ImportSettingsPage.h"
#include "RateImportClient.h"

#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

namespace backoffice::views {

ImportConfirmPage::ImportConfirmPage(RateImportClient *client, AnalysisRunner *runner, ImportSettingsPage *settings,
                                     QWidget *parent)
    : QWizardPage(parent)
    , m_client(client)
    , m_runner(runner)
    , m_settings(settings)
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("importConfirmPage"));
    setTitle(tr("Confirm"));
    setSubTitle(tr("Finish puts the imported rates into the rate tree."));
    setFinalPage(true);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_error->setObjectName(QStringLiteral("applyError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd; padding: 6px; }"));
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addStretch();

    connect(m_client, &RateImportClient::stateChanged, this, [this] { emit completeChanged(); });
    connect(m_client, &RateImportClient::applied, this, [this] {
        m_applied = true;
        // Finish was clicked and refused while the server worked; now it goes through.
        if (wizard())
            wizard()->accept();
    });
    connect(m_client, &RateImportClient::applyFailed, this, [this](const QString &message, const QStringList &details) {
        QString text = tr("The rates were not imported. %1").arg(message).trimmed();
        for (const QString &detail : details)
            text += QStringLiteral("\n• ") + detail;
        m_error->setText(text);
        m_error->show();
    });
}

void ImportConfirmPage::initializePage()
{
    m_error->hide();
    const QJsonObject import = m_client->importObject();
    const QJsonObject analysis = m_runner->analysis();
    const QJsonObject diff = analysis.value(QLatin1String("diff")).toObject();
    QStringList changes;
    for (const QString &kind : ImportDiffView::kinds())
        changes << tr("%1: %2").arg(ImportDiffView::kindLabel(kind)).arg(diff.value(kind).toInteger());
    const int problems = int(analysis.value(QLatin1String("problemCount")).toInteger());
    const QString target = m_target.isEmpty() ? import.value(QLatin1String("nodeLabel")).toString() : m_target;
    m_summary->setText(
        tr("<p>File <b>%1</b> into <b>%2</b> (scope %3).</p>"
           "<p><b>%4</b> record(s) will be imported; %5 row(s) skipped; %6 warning(s).</p>"
           "<p>Changes against the tree in force: %7.</p>"
           "<p>%8</p>")
            .arg(import.value(QLatin1String("fileName")).toString().toHtmlEscaped(), target.toHtmlEscaped())
            .arg(m_client->scopeId())
            .arg(analysis.value(QLatin1String("records")).toInteger())
            .arg(analysis.value(QLatin1String("skippedRows")).toInteger())
            .arg(problems)
            .arg(changes.join(QStringLiteral(", ")).toHtmlEscaped(),
                 m_settings->settings().merge
                     ? tr("The imported rates are merged into <b>%1</b>; what the file does not mention stays.")
                           .arg(target.toHtmlEscaped())
                     : tr("Everything below <b>%1</b> is replaced by the imported tree.").arg(target.toHtmlEscaped()))
        + removalWarning(int(diff.value(QLatin1String("removed")).toInteger())));
}

QString ImportConfirmPage::removalWarning(int removed)
{
    // Rates in force that the file does not have go: say so where Finish is clicked, not only in a count.
    if (removed <= 0)
        return {};
    return QStringLiteral("<p style=\"color: #b00020;\"><b>%1</b></p>")
        .arg(tr("%n rate(s) in force are not in the file and will be removed (see the preview's Changes tab).",
                nullptr, removed)
                 .toHtmlEscaped());
}

bool ImportConfirmPage::isComplete() const
{
    return !m_client->isBusy();
}

bool ImportConfirmPage::validatePage()
{
    if (m_applied)
        return true;
    m_error->hide();
    m_client->apply(m_settings->settings().toJson());
    return false; // accepted once the server has applied it
}

} // namespace backoffice::views
