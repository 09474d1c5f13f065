#include "FormFactory.h"

#include "AgreementForm.h"
#include "EntityCatalogue.h"
#include "FeeEntities.h"
#include "FeeRuleForms.h"
#include "MessagingEntities.h"
#include "RoleForm.h"
#include "SenderIdForm.h"
#include "UserForm.h"

namespace backoffice::views {

EntityForm *createForm(Session *session, const ListContext &context, QWidget *parent)
{
    if (context.entity == entities::agreements)
        return new AgreementForm(session, context, parent);
    if (context.entity == entities::users)
        return new UserForm(session, context, parent);
    if (context.entity == entities::roles)
        return new RoleForm(session, context, parent);
    if (context.entity == entities::senderIds)
        return new SenderIdForm(session, context, parent);
    if (context.entity == entities::additionalFees)
        return new AdditionalFeeForm(session, context, parent);
    if (context.entity == entities::senderIdFeeRules)
        return new SenderIdFeeRuleForm(session, context, parent);
    return new EntityForm(session, context, parent);
}

} // namespace backoffice::views
