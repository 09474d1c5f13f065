#include "BoolFieldEditor.h"

#include <QCheckBox>
#include <QVBoxLayout>

namespace backoffice::views {

BoolFieldEditor::BoolFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_box(new QCheckBox(field.label, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_box);
    setFocusProxy(m_box);
    connect(m_box, &QCheckBox::toggled, this, &FieldEditor::changed);
}

void BoolFieldEditor::load(const QJsonObject &record)
{
    m_box->setChecked(record.value(field().name).toBool());
}

void BoolFieldEditor::store(QJsonObject *body) const
{
    body->insert(field().name, m_box->isChecked());
}

QWidget *BoolFieldEditor::inputWidget() const
{
    return m_box;
}

} // namespace backoffice::views
