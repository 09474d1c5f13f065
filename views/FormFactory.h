#pragma once

#include "ListContext.h"

class QWidget;

namespace backoffice::views {

class EntityForm;
class Session;

// The form for records of a list: the generic one, or the screen that knows more about the entity
// (agreements, users, roles, invoices, charges).
EntityForm *createForm(Session *session, const ListContext &context, QWidget *parent = nullptr);

} // namespace backoffice::views
