#pragma once

#include "FieldEditor.h"

class QLineEdit;

namespace backoffice::views {

// One line of text. For secret fields (passwords) it is write-only: it never shows a stored value
// and an untouched, empty editor writes nothing, so saving a form never resets a password.
class TextFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit TextFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QLineEdit *lineEdit() const { return m_edit; }

private:
    QLineEdit *m_edit;
};

} // namespace backoffice::views
