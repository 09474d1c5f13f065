#include "AgreementForm.h"

#include "AgreementBalanceLine.h"
#include "AgreementLedgerPanel.h"
#include "AgreementVersionPanel.h"
#include "EntityCatalogue.h"
#include "MessageBanner.h"
#include "Session.h"

#include <QFrame>
#include <QPushButton>
#include <QVBoxLayout>

namespace backoffice::views {

AgreementForm::AgreementForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{
}

bool AgreementForm::isVersionTerm(const QString &fieldName)
{
    const EntityDescriptor &versions = EntityCatalogue::get(entities::agreementVersions);
    return fieldName != QLatin1String("id") && fieldName != QLatin1String("agreementId")
           && fieldName != QLatin1String("createdAt") && fieldName != QLatin1String("updatedAt")
           && versions.field(fieldName) != nullptr;
}

void AgreementForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    m_balance = new AgreementBalanceLine(session()->api(), this);
    layout->addWidget(m_balance);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    m_versions = new AgreementVersionPanel(session(), canManage(), this);
    layout->addWidget(m_versions);
    // What moved the balance, below the terms that priced it; it shows itself once the server answers.
    m_ledger = new AgreementLedgerPanel(session()->api(), this);
    layout->addWidget(m_ledger);
    connect(m_ledger, &AgreementLedgerPanel::paymentRequested, this, &AgreementForm::paymentRequested);
    // The ledger's closing balance is today's balance: refreshing one without the other would
    // show two different balances on one screen.
    connect(m_ledger->refreshButton(), &QPushButton::clicked, m_balance, [this] {
        if (recordId() > 0)
            m_balance->load(recordId());
    });
    // Adding or deleting a version can change the terms in force, which the agreement shows.
    connect(m_versions, &AgreementVersionPanel::versionsChanged, this, &EntityForm::reload);
}

bool AgreementForm::isFieldShown(const FieldDescriptor &field, FormMode mode) const
{
    if (field.name == QLatin1String("currentVersionId"))
        return false; // the version selector names it
    if (isVersionTerm(field.name))
        return mode == FormMode::Create; // afterwards the version panel shows the terms
    return EntityForm::isFieldShown(field, mode);
}

void AgreementForm::onRecordLoaded(const QJsonObject &record)
{
    if (!m_versions || recordId() <= 0)
        return;
    m_balance->load(recordId()); // traffic moves it: read it again with every load
    m_ledger->load(recordId()); // so do payments saved in other tabs
    m_versions->setAgreement(recordId(), record.value(QLatin1String("code")).toString(),
                             record.value(QLatin1String("currentVersionId")).toInteger(-1));
}

void AgreementForm::onModeChanged(FormMode mode)
{
    if (!m_versions)
        return;
    m_versions->setVisible(mode != FormMode::Create);
    if (mode == FormMode::Create) {
        m_balance->clearBalance();
        m_ledger->clearLedger(); // a new agreement has nothing in its ledger yet
    }
    if (mode == FormMode::View)
        m_versions->cancelEdits();
    m_versions->setEditing(mode == FormMode::Edit);
}

void AgreementForm::save()
{
    if (mode() != FormMode::Edit || !m_versions->isDirty()) {
        EntityForm::save();
        return;
    }
    // The version's terms first: if the server refuses them, the agreement stays in Edit mode
    // with the complaint under the term concerned.
    setBusy(true);
    m_versions->save([this](bool ok) {
        setBusy(false);
        if (!ok) {
            banner()->showError(tr("The version was not saved; see the messages below."));
            return;
        }
        if (collectValues(FormMode::Edit).isEmpty()) {
            cancel();  // nothing else changed: back to View mode …
            reload();  // … with the terms in force as the server now computes them
            return;
        }
        EntityForm::save();
    });
}

} // namespace backoffice::views
