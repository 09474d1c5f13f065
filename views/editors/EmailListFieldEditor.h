#pragma once

#include "FieldEditor.h"

class QLineEdit;

namespace backoffice::views {

// Comma-separated e-mail addresses ("a@x.com, b@y.com"), checked as they are typed.
class EmailListFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit EmailListFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QString localProblem() const override;
    QWidget *inputWidget() const override;

private:
    QLineEdit *m_edit;
};

} // namespace backoffice::views
