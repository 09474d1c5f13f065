#pragma once

#include "FieldEditor.h"

class QLineEdit;

namespace backoffice::views {

// An exact decimal amount typed as text ("1500.00", up to six decimals): money never goes through
// a floating-point spin box. Empty means null, which for a credit limit is "unlimited".
class MoneyFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit MoneyFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QString localProblem() const override;
    QWidget *inputWidget() const override;
    QLineEdit *lineEdit() const { return m_edit; }

private:
    QLineEdit *m_edit;
};

} // namespace backoffice::views
