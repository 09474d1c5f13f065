#pragma once

#include "EntityForm.h"

namespace backoffice::views {

class AgreementBalanceLine;
class AgreementLedgerPanel;
class AgreementVersionPanel;

// An agreement (reference §6.3): its own fields, a line with its balance, its versions below them,
// and the ledger of what moved the balance. A new agreement
// takes the first version's terms in the same form; afterwards the terms live in versions, edited
// through the version panel while the agreement is in Edit mode.
class AgreementForm final : public EntityForm
{
    Q_OBJECT
public:
    AgreementForm(Session *session, ListContext context, QWidget *parent = nullptr);

    AgreementVersionPanel *versionPanel() const { return m_versions; }
    AgreementBalanceLine *balanceLine() const { return m_balance; }
    AgreementLedgerPanel *ledgerPanel() const { return m_ledger; }

signals:
    // A ledger line of a payment was opened: the window shows that payment.
    void paymentRequested(qint64 paymentId);

public slots:
    void save() override;

protected:
    void buildBody(QVBoxLayout *layout) override;
    bool isFieldShown(const FieldDescriptor &field, FormMode mode) const override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;

private:
    static bool isVersionTerm(const QString &fieldName);

    AgreementVersionPanel *m_versions = nullptr;
    AgreementBalanceLine *m_balance = nullptr;
    AgreementLedgerPanel *m_ledger = nullptr;
};

} // namespace backoffice::views
