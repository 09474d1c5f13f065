#include "DateFieldEditor.h"

#include "ValueFormat.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>

namespace backoffice::views {

DateFieldEditor::DateFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_edit(new QDateEdit(QDate::currentDate(), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (!field.required) {
        m_set = new QCheckBox(this);
        m_set->setToolTip(tr("Set a date"));
        layout->addWidget(m_set);
        connect(m_set, &QCheckBox::toggled, m_edit, &QWidget::setEnabled);
        connect(m_set, &QCheckBox::toggled, this, &FieldEditor::changed);
        m_edit->setEnabled(false);
    }
    layout->addWidget(m_edit, 1);
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(valueformat::datePattern());
    setFocusProxy(m_edit);
    connect(m_edit, &QDateEdit::dateChanged, this, &FieldEditor::changed);
}

void DateFieldEditor::load(const QJsonObject &record)
{
    const QDate date = QDate::fromString(record.value(field().name).toString().left(10), Qt::ISODate);
    m_edit->setDate(date.isValid() ? date : QDate::currentDate());
    if (m_set)
        m_set->setChecked(date.isValid());
}

void DateFieldEditor::store(QJsonObject *body) const
{
    if (m_set && !m_set->isChecked())
        body->insert(field().name, QJsonValue());
    else
        body->insert(field().name, m_edit->date().toString(Qt::ISODate));
}

QWidget *DateFieldEditor::inputWidget() const
{
    return m_edit;
}

} // namespace backoffice::views
