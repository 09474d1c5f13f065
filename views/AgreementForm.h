#pragma once

#include "EntityForm.h"

namespace backoffice::views {

class AgreementBalanceLine;
class AgreementVersionPanel;

// An agreement (reference §6.3): its own fields, a line with its balance, and its versions below them. A new agreement
// takes the first version's terms in the same form; afterwards the terms live in versions, edited
// through the version panel while the agreement is in Edit mode.
class AgreementForm final : public EntityForm
{
    Q_OBJECT
public:
    AgreementForm(Session *session, ListContext context, QWidget *parent = nullptr);

    AgreementVersionPanel *versionPanel() const { return m_versions; }
    AgreementBalanceLine *balanceLine() const { return m_balance; }

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
};

} // namespace backoffice::views
