#include "IntegerFieldEditor.h"

#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace backoffice::views {

IntegerFieldEditor::IntegerFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_spin(new QSpinBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_spin);
    // The integers people type here are counts and days: never negative, so -1 can mean "not set".
    m_spin->setRange(field.required ? 0 : -1, std::numeric_limits<int>::max());
    if (!field.required)
        m_spin->setSpecialValueText(tr("not set"));
    m_spin->setValue(m_spin->minimum());
    setFocusProxy(m_spin);
    connect(m_spin, &QSpinBox::valueChanged, this, &FieldEditor::changed);
}

void IntegerFieldEditor::load(const QJsonObject &record)
{
    const QJsonValue value = record.value(field().name);
    m_spin->setValue(value.isDouble() ? int(qBound(qint64(m_spin->minimum()), value.toInteger(), qint64(m_spin->maximum())))
                                      : m_spin->minimum());
}

void IntegerFieldEditor::store(QJsonObject *body) const
{
    if (!field().required && m_spin->value() < 0)
        body->insert(field().name, QJsonValue());
    else
        body->insert(field().name, m_spin->value());
}

QWidget *IntegerFieldEditor::inputWidget() const
{
    return m_spin;
}

} // namespace backoffice::views
