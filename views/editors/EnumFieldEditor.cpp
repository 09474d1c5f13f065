#include "EnumFieldEditor.h"

#include <QComboBox>
#include <QVBoxLayout>

namespace backoffice::views {

EnumFieldEditor::EnumFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_combo(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    if (!field.required)
        m_combo->addItem(QString(), QString());
    for (const EnumValue &value : field.enumValues)
        m_combo->addItem(value.label, value.key);
    m_combo->setCurrentIndex(0);
    setFocusProxy(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldEditor::changed);
}

QString EnumFieldEditor::key() const
{
    return m_combo->currentData().toString();
}

void EnumFieldEditor::setKey(const QString &key)
{
    const int index = m_combo->findData(key);
    m_combo->setCurrentIndex(index >= 0 ? index : 0);
}

void EnumFieldEditor::load(const QJsonObject &record)
{
    setKey(record.value(field().name).toString());
}

void EnumFieldEditor::store(QJsonObject *body) const
{
    const QString value = key();
    body->insert(field().name, value.isEmpty() ? QJsonValue() : QJsonValue(value));
}

QWidget *EnumFieldEditor::inputWidget() const
{
    return m_combo;
}

} // namespace backoffice::views
