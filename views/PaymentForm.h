#pragma once

#include "EntityForm.h"

namespace backoffice::views {

// A payment (reference §7.1). The company follows the agreement, so a new payment does not ask
// for it; "confirm before" is asked only while the payment is not confirmed.
class PaymentForm final : public EntityForm
{
    Q_OBJECT
public:
    PaymentForm(Session *session, ListContext context, QWidget *parent = nullptr);

protected:
    void buildBody(QVBoxLayout *layout) override;
    bool isFieldShown(const FieldDescriptor &field, FormMode mode) const override;
    void onRecordLoaded(const QJsonObject &record) override;

private:
    bool isConfirmed() const;

    QJsonObject m_record;
};

} // namespace backoffice::views
