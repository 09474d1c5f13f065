#include "DateTimeFieldEditor.h"

#include "Dictionaries.h"
#include "DictionaryFieldEditor.h"
#include "ValueFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QTimeZone>

namespace backoffice::views {

DateTimeFieldEditor::DateTimeFieldEditor(const FieldDescriptor &field, const FieldDescriptor *zoneField,
                                         QWidget *parent)
    : FieldEditor(field, parent)
    , m_zoneField(zoneField)
    , m_edit(new QDateTimeEdit(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    m_edit->setCalendarPopup(true);
    m_edit->setDisplayFormat(valueformat::dateTimePattern());
    m_edit->setDateTime(QDateTime(QDate::currentDate(), QTime(0, 0)));
    if (m_zoneField) {
        m_zone = new DictionaryFieldEditor(*m_zoneField, this);
        layout->addWidget(m_zone, 1);
        connect(m_zone, &FieldEditor::changed, this, &FieldEditor::changed);
    }
    if (!field.required) {
        // The end of a validity period is usually open; the reference calls that "indefinitely".
        m_openMeansEmpty = field.name.endsWith(QLatin1String("Till"));
        m_open = new QCheckBox(m_openMeansEmpty ? tr("∞ indefinitely") : tr("not set"), this);
        layout->addWidget(m_open);
        connect(m_open, &QCheckBox::toggled, this, [this](bool open) {
            m_edit->setEnabled(!open);
            if (m_zone)
                m_zone->setEnabled(!open);
            emit changed();
        });
    }
    setFocusProxy(m_edit);
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &FieldEditor::changed);
}

QString DateTimeFieldEditor::defaultZone()
{
    const QString system = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    return Dictionaries::instance().isTimeZone(system) ? system : QStringLiteral("UTC");
}

QStringList DateTimeFieldEditor::keys() const
{
    QStringList names{field().name};
    if (m_zoneField)
        names << m_zoneField->name;
    return names;
}

QComboBox *DateTimeFieldEditor::zoneBox() const
{
    return m_zone ? m_zone->comboBox() : nullptr;
}

bool DateTimeFieldEditor::isOpen() const
{
    return m_open && m_open->isChecked();
}

void DateTimeFieldEditor::load(const QJsonObject &record)
{
    QString zoneId;
    if (m_zone) {
        zoneId = record.value(m_zoneField->name).toString();
        if (zoneId.isEmpty())
            zoneId = defaultZone();
        QJsonObject zoneRecord;
        zoneRecord.insert(m_zoneField->name, zoneId);
        m_zone->load(zoneRecord);
    }
    const QJsonValue value = record.value(field().name);
    const QDateTime utc = valueformat::parseInstant(value.toString());
    if (m_open)
        m_open->setChecked(!utc.isValid());
    if (!utc.isValid())
        return;
    const QTimeZone zone(zoneId.toUtf8());
    const QDateTime shown = zone.isValid() ? utc.toTimeZone(zone) : utc.toLocalTime();
    // The edit shows wall-clock time: same date and time, no zone of its own.
    m_edit->setDateTime(QDateTime(shown.date(), shown.time()));
}

void DateTimeFieldEditor::store(QJsonObject *body) const
{
    if (isOpen()) {
        body->insert(field().name, QJsonValue());
        if (m_zone && m_openMeansEmpty)
            body->insert(m_zoneField->name, QJsonValue());
        return;
    }
    const QDateTime local = m_edit->dateTime();
    if (m_zone) {
        body->insert(field().name, QDateTime(local.date(), local.time()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        m_zone->store(body);
    } else {
        body->insert(field().name, valueformat::instantText(QDateTime(local.date(), local.time(), Qt::LocalTime)));
    }
}

QWidget *DateTimeFieldEditor::inputWidget() const
{
    return m_edit;
}

} // namespace backoffice::views
