#include "PaymentForm.h"

#include "editors/FieldEditor.h"

#include <QVBoxLayout>

namespace backoffice::views {

PaymentForm::PaymentForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{
}

void PaymentForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    if (FieldEditor *confirmed = editor(QStringLiteral("confirmed")))
        connect(confirmed, &FieldEditor::changed, this, &PaymentForm::applyMode);
}

bool PaymentForm::isConfirmed() const
{
    QJsonObject values = m_record;
    const QJsonObject edited = collectValues(mode());
    if (edited.contains(QLatin1String("confirmed")))
        values.insert(QStringLiteral("confirmed"), edited.value(QLatin1String("confirmed")));
    return values.value(QLatin1String("confirmed")).toBool();
}

bool PaymentForm::isFieldShown(const FieldDescriptor &field, FormMode mode) const
{
    if (field.name == QLatin1String("companyId") && mode == FormMode::Create)
        return false; // the server takes it from the agreement
    if (field.name == QLatin1String("confirmBefore") && mode != FormMode::View)
        return !isConfirmed();
    return EntityForm::isFieldShown(field, mode);
}

void PaymentForm::onRecordLoaded(const QJsonObject &record)
{
    m_record = record;
}

} // namespace backoffice::views
