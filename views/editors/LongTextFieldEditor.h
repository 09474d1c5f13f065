#pragma once

#include "FieldEditor.h"

class QPlainTextEdit;

namespace backoffice::views {

// Several lines of free text (descriptions, comments).
class LongTextFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit LongTextFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;

private:
    QPlainTextEdit *m_edit;
};

} // namespace backoffice::views
