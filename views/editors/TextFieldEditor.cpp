#include "TextFieldEditor.h"

#include <QLineEdit>
#include <QVBoxLayout>

namespace backoffice::views {

TextFieldEditor::TextFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_edit(new QLineEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    if (field.maxLength > 0)
        m_edit->setMaxLength(field.maxLength);
    if (field.secret) {
        m_edit->setEchoMode(QLineEdit::Password);
        m_edit->setPlaceholderText(tr("Leave empty to keep the current one"));
    }
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &FieldEditor::changed);
}

void TextFieldEditor::load(const QJsonObject &record)
{
    m_edit->setText(field().secret ? QString() : record.value(field().name).toString());
}

void TextFieldEditor::store(QJsonObject *body) const
{
    const QString text = m_edit->text();
    if (field().secret) {
        if (!text.isEmpty())
            body->insert(field().name, text);
        return;
    }
    const QString trimmed = text.trimmed();
    // An emptied optional field is cleared on the server (PATCH with null), not set to "".
    body->insert(field().name, trimmed.isEmpty() && !field().required ? QJsonValue() : QJsonValue(trimmed));
}

QWidget *TextFieldEditor::inputWidget() const
{
    return m_edit;
}

} // namespace backoffice::views
