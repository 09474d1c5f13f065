#pragma once

#include "EntityForm.h"

namespace backoffice::views {

class CompanyFinancePanel;

// A company (reference §6.1) with its finance below the fields: every agreement's balance, credit
// limit, what is left and the packs' sub-balances, kept fresh while on screen.
class CompanyForm final : public EntityForm
{
    Q_OBJECT
public:
    CompanyForm(Session *session, ListContext context, QWidget *parent = nullptr);

    CompanyFinancePanel *financePanel() const { return m_finance; }

signals:
    void agreementRequested(qint64 agreementId);

protected:
    void buildBody(QVBoxLayout *layout) override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;

private:
    CompanyFinancePanel *m_finance = nullptr;
};

} // namespace backoffice::views
