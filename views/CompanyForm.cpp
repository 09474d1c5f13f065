#include "CompanyForm.h"

#include "CompanyFinancePanel.h"
#include "Session.h"

#include <QVBoxLayout>

namespace backoffice::views {

CompanyForm::CompanyForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{
}

void CompanyForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    m_finance = new CompanyFinancePanel(session()->api(), this);
    layout->addWidget(m_finance);
    connect(m_finance, &CompanyFinancePanel::agreementRequested, this, &CompanyForm::agreementRequested);
}

void CompanyForm::onRecordLoaded(const QJsonObject &)
{
    if (m_finance && recordId() > 0)
        m_finance->load(recordId());
}

void CompanyForm::onModeChanged(FormMode mode)
{
    if (m_finance && mode == FormMode::Create)
        m_finance->clearPanel(); // a new company has no agreements
}

} // namespace backoffice::views
