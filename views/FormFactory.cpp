#include "FormFactory.h"

#include "AgreementForm.h"
#include "BillingEntities.h"
#include "EntityCatalogue.h"
#include "RerateTaskForm.h"
#include "RoleForm.h"
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
    if (context.entity == entities::rerateTasks)
        return new RerateTaskForm(session, context, parent);
    return new EntityForm(session, context, parent);
}

} // namespace backoffice::views
