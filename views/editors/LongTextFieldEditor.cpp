#include "LongTextFieldEditor.h"

#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace backoffice::views {

LongTextFieldEditor::LongTextFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_edit(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    m_edit->setTabChangesFocus(true);
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 4 + 12);
    setFocusProxy(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &FieldEditor::changed);
}

void LongTextFieldEditor::load(const QJsonObject &record)
{
    m_edit->setPlainText(record.value(field().name).toString());
}

void LongTextFieldEditor::store(QJsonObject *body) const
{
    const QString text = m_edit->toPlainText().trimmed();
    body->insert(field().name, text.isEmpty() && !field().required ? QJsonValue() : QJsonValue(text));
}

QWidget *LongTextFieldEditor::inputWidget() const
{
    return m_edit;
}

} // namespace backoffice::views
