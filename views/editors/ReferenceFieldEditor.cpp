#include "ReferenceFieldEditor.h"

#include "ReferenceComboBox.h"

#include <QVBoxLayout>

namespace backoffice::views {

ReferenceFieldEditor::ReferenceFieldEditor(const FieldDescriptor &field, ApiClient *api, QWidget *parent)
    : FieldEditor(field, parent)
    , m_combo(new ReferenceComboBox(api, field.referenceEntity, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    setFocusProxy(m_combo);
    connect(m_combo, &ReferenceComboBox::currentIdChanged, this, &FieldEditor::changed);
}

void ReferenceFieldEditor::load(const QJsonObject &record)
{
    const QJsonValue value = record.value(field().name);
    if (value.isDouble())
        m_combo->setCurrent(value.toInteger(), record.value(field().referenceLabelKey()).toString());
    else
        m_combo->clearCurrent();
}

void ReferenceFieldEditor::store(QJsonObject *body) const
{
    const qint64 id = m_combo->currentId();
    body->insert(field().name, id > 0 ? QJsonValue(id) : QJsonValue());
}

void ReferenceFieldEditor::activate()
{
    m_combo->ensureLoaded();
}

QWidget *ReferenceFieldEditor::inputWidget() const
{
    return m_combo;
}

qint64 ReferenceFieldEditor::currentId() const
{
    return m_combo->currentId();
}

QString ReferenceFieldEditor::currentLabel() const
{
    return m_combo->currentLabel();
}

void ReferenceFieldEditor::setScope(const QList<QPair<QString, QString>> &scope)
{
    m_combo->setScope(scope);
}

} // namespace backoffice::views
