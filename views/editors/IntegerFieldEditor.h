#pragma once

#include "FieldEditor.h"

class QSpinBox;

namespace backoffice::views {

// A whole number (days for payment, billing day). An optional field has an extra "not set" step
// below zero, shown empty, so clearing it needs no second control.
class IntegerFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit IntegerFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QSpinBox *spinBox() const { return m_spin; }

private:
    QSpinBox *m_spin;
};

} // namespace backoffice::views
