#include "FieldEditor.h"

#include "BoolFieldEditor.h"
#include "DateFieldEditor.h"
#include "DateTimeFieldEditor.h"
#include "DictionaryFieldEditor.h"
#include "EmailListFieldEditor.h"
#include "EnumFieldEditor.h"
#include "IntegerFieldEditor.h"
#include "JsonFieldEditor.h"
#include "LongTextFieldEditor.h"
#include "MoneyFieldEditor.h"
#include "ReferenceFieldEditor.h"
#include "ReferenceListFieldEditor.h"
#include "Session.h"
#include "StringListFieldEditor.h"
#include "TextFieldEditor.h"
#include "ValueFormat.h"

namespace backoffice::views {

FieldEditor::FieldEditor(const FieldDescriptor &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    setObjectName(QStringLiteral("editor-%1").arg(field.name));
}

FieldEditor *FieldEditor::create(const FieldDescriptor &field, const EntityDescriptor &entity, Session *session,
                                 QWidget *parent)
{
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Integer:
        return new IntegerFieldEditor(field, parent);
    case FieldType::Text:
        return new TextFieldEditor(field, parent);
    case FieldType::LongText:
        return new LongTextFieldEditor(field, parent);
    case FieldType::Bool:
        return new BoolFieldEditor(field, parent);
    case FieldType::Money:
        return new MoneyFieldEditor(field, parent);
    case FieldType::Date:
        return new DateFieldEditor(field, parent);
    case FieldType::DateTime:
        return new DateTimeFieldEditor(field, valueformat::zoneFieldFor(entity, field), parent);
    case FieldType::Enum:
        return new EnumFieldEditor(field, parent);
    case FieldType::Reference:
        return new ReferenceFieldEditor(field, session->api(), parent);
    case FieldType::ReferenceList:
        return new ReferenceListFieldEditor(field, session->api(), parent);
    case FieldType::Country:
    case FieldType::Currency:
    case FieldType::TimeZone:
        return new DictionaryFieldEditor(field, parent);
    case FieldType::EmailList:
        return new EmailListFieldEditor(field, parent);
    case FieldType::StringList:
        return new StringListFieldEditor(field, parent);
    case FieldType::Json:
        return new JsonFieldEditor(field, parent);
    }
    return new TextFieldEditor(field, parent);
}

} // namespace backoffice::views
