#pragma once

#include "FieldEditor.h"

class QPlainTextEdit;

namespace backoffice::views {

// A free JSON object, shown indented. Screens that understand the object (a role's permissions)
// use their own widget instead; this is for the rest.
class JsonFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit JsonFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QString localProblem() const override;
    QWidget *inputWidget() const override;

private:
    QPlainTextEdit *m_edit;
};

} // namespace backoffice::views
