#include "FormFactory.h"

#include "AgreementForm.h"
#include "BillingEntities.h"
#include "ChargeForm.h"
#include "CompanyForm.h"
#include "EnabledServiceForm.h"
#include "EntityCatalogue.h"
#include "FeeEntities.h"
#include "FeeRuleForms.h"
#include "InvoiceForm.h"
#include "MessagingEntities.h"
#include "PaymentForm.h"
#include "RerateTaskForm.h"
#include "RoleForm.h"
#include "SenderIdForm.h"
#include "ServiceEntities.h"
#include "UserForm.h"

namespace backoffice::views {

EntityForm *createForm(Session *session, const ListContext &context, QWidget *parent)
{
    if (context.entity == entities::agreements)
        return new AgreementForm(session, context, parent);
    if (context.entity == entities::companies)
        return new CompanyForm(session, context, parent);
    if (context.entity == entities::payments)
        return new PaymentForm(session, context, parent);
    if (context.entity == entities::enabledServices)
        return new EnabledServiceForm(session, context, parent);
    if (context.entity == entities::users)
        return new UserForm(session, context, parent);
    if (context.entity == entities::roles)
        return new RoleForm(session, context, parent);
    if (context.entity == entities::invoices)
        return new InvoiceForm(session, context, parent);
    if (context.entity == entities::charges)
        return new ChargeForm(session, context, parent);
    if (context.entity == entities::senderIds)
        return new SenderIdForm(session, context, parent);
    if (context.entity == entities::additionalFees)
        return new AdditionalFeeForm(session, context, parent);
    if (context.entity == entities::senderIdFeeRules)
        return new SenderIdFeeRuleForm(session, context, parent);
    if (context.entity == entities::rerateTasks)
        return new RerateTaskForm(session, context, parent);
    return new EntityForm(session, context, parent);
}

} // namespace backoffice::views
