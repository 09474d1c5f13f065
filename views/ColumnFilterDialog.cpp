#include "ColumnFilterDialog.h"

#include "ValueFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

QString findValue(const ColumnFilterDialog::Filters &filters, const QString &parameter, bool *found = nullptr)
{
    for (const auto &[name, value] : filters) {
        if (name == parameter) {
            if (found)
                *found = true;
            return value;
        }
    }
    if (found)
        *found = false;
    return {};
}

// Range ends travel as dates for date fields and as UTC instants for date-times: the minute the
// viewer picked in their own time zone. "from" includes its end, "to" excludes it, as the API does.
QString rangeValue(const FieldDescriptor &field, const QDateTimeEdit *edit)
{
    if (field.type == FieldType::Date)
        return edit->date().toString(Qt::ISODate);
    return valueformat::instantText(edit->dateTime().toUTC());
}

QDate rangeDate(const FieldDescriptor &field, const QString &value)
{
    if (field.type == FieldType::Date)
        return QDate::fromString(value, Qt::ISODate);
    return valueformat::parseInstant(value).toLocalTime().date();
}

QDateTime rangeInstant(const QString &value)
{
    return valueformat::parseInstant(value).toLocalTime();
}

QDateTime startOfMinute(const QDateTime &time)
{
    return QDateTime(time.date(), QTime(time.time().hour(), time.time().minute()));
}

} // namespace

bool ColumnFilterDialog::isFilterable(const FieldDescriptor &field)
{
    return !field.secret && field.type != FieldType::Json && field.type != FieldType::StringList
           && field.type != FieldType::ReferenceList;
}

QStringList ColumnFilterDialog::parametersOf(const FieldDescriptor &field)
{
    if (field.type == FieldType::Date || field.type == FieldType::DateTime)
        return {field.name + QStringLiteral(".from"), field.name + QStringLiteral(".to")};
    if (field.type == FieldType::Reference)
        return {field.referenceLabelKey(), field.name};
    return {field.name};
}

QString ColumnFilterDialog::describe(const EntityDescriptor &entity, const QString &parameter, const QString &value)
{
    QString name = parameter;
    QString suffix;
    if (name.endsWith(QLatin1String(".from")) || name.endsWith(QLatin1String(".to"))) {
        suffix = name.mid(name.lastIndexOf(QLatin1Char('.')) + 1);
        name.truncate(name.lastIndexOf(QLatin1Char('.')));
    }
    const FieldDescriptor *field = entity.field(name);
    if (!field) {
        for (const FieldDescriptor &candidate : entity.fields) {
            if (candidate.type == FieldType::Reference && candidate.referenceLabelKey() == name)
                field = &candidate;
        }
    }
    if (!field)
        return QStringLiteral("%1 = %2").arg(parameter, value);
    if (value.isEmpty())
        return tr("%1 is empty").arg(field->label);
    if (field->type == FieldType::DateTime && suffix == QLatin1String("from"))
        return tr("%1 from %2").arg(field->label, rangeInstant(value).toString(valueformat::dateTimePattern()));
    if (field->type == FieldType::DateTime && suffix == QLatin1String("to"))
        return tr("%1 before %2").arg(field->label, rangeInstant(value).toString(valueformat::dateTimePattern()));
    if (suffix == QLatin1String("from"))
        return tr("%1 from %2").arg(field->label, rangeDate(*field, value).toString(valueformat::datePattern()));
    if (suffix == QLatin1String("to")) {
        // The API's "to" is exclusive; people think of the last day included.
        return tr("%1 to %2").arg(field->label,
                                   rangeDate(*field, value).addDays(-1).toString(valueformat::datePattern()));
    }
    switch (field->type) {
    case FieldType::Bool:
        return value == QLatin1String("true") ? field->label : tr("not %1").arg(field->label);
    case FieldType::Enum:
        return tr("%1: %2").arg(field->label, valueformat::enumLabel(*field, value));
    case FieldType::Id:
    case FieldType::Integer:
    case FieldType::Money:
    case FieldType::Country:
        return tr("%1 = %2").arg(field->label, value);
    default:
        return tr("%1 contains “%2”").arg(field->label, value);
    }
}

ColumnFilterDialog::ColumnFilterDialog(const FieldDescriptor &field, const Filters &current, QWidget *parent)
    : QDialog(parent)
    , m_field(field)
{
    setWindowTitle(tr("Filter: %1").arg(field.label));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    QHBoxLayout *presets = nullptr;
    if (isRange() && field.type == FieldType::DateTime) {
        // Traffic records are looked for by the minute: a time range, "before" its end.
        const QDateTime now = startOfMinute(QDateTime::currentDateTime());
        bool hasFrom = false;
        bool hasTo = false;
        const QString from = findValue(current, field.name + QStringLiteral(".from"), &hasFrom);
        const QString to = findValue(current, field.name + QStringLiteral(".to"), &hasTo);
        m_fromEnabled = new QCheckBox(tr("From"), this);
        m_from = new QDateTimeEdit(hasFrom ? rangeInstant(from) : QDateTime(now.date(), QTime(0, 0)), this);
        m_toEnabled = new QCheckBox(tr("Before"), this);
        m_to = new QDateTimeEdit(hasTo ? rangeInstant(to) : now.addSecs(60), this);
        m_fromEnabled->setChecked(hasFrom || !hasTo);
        m_toEnabled->setChecked(hasTo);
        for (QDateTimeEdit *edit : {m_from, m_to}) {
            edit->setObjectName(edit == m_from ? QStringLiteral("filterFrom") : QStringLiteral("filterTo"));
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(valueformat::dateTimePattern());
        }
        presets = new QHBoxLayout;
        addTimePresets(presets);
    } else if (isRange()) {
        const QDate today = QDate::currentDate();
        bool hasFrom = false;
        bool hasTo = false;
        const QString from = findValue(current, field.name + QStringLiteral(".from"), &hasFrom);
        const QString to = findValue(current, field.name + QStringLiteral(".to"), &hasTo);
        m_fromEnabled = new QCheckBox(tr("From"), this);
        m_from = new QDateEdit(hasFrom ? rangeDate(field, from) : today.addMonths(-1), this);
        m_toEnabled = new QCheckBox(tr("To (inclusive)"), this);
        m_to = new QDateEdit(hasTo ? rangeDate(field, to).addDays(-1) : today, this);
        for (QDateTimeEdit *edit : {m_from, m_to}) {
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(valueformat::datePattern());
        }
        m_fromEnabled->setChecked(hasFrom || !hasTo);
        m_toEnabled->setChecked(hasTo);
    }
    if (isRange()) {
        m_from->setEnabled(m_fromEnabled->isChecked());
        m_to->setEnabled(m_toEnabled->isChecked());
        connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
        connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
        form->addRow(m_fromEnabled, m_from);
        form->addRow(m_toEnabled, m_to);
        if (presets)
            form->addRow(tr("Quick choice"), presets);
    } else if (field.type == FieldType::Bool || field.type == FieldType::Enum) {
        m_choice = new QComboBox(this);
        if (field.type == FieldType::Bool) {
            m_choice->addItem(tr("Yes"), QStringLiteral("true"));
            m_choice->addItem(tr("No"), QStringLiteral("false"));
        } else {
            for (const EnumValue &value : field.enumValues)
                m_choice->addItem(value.label, value.key);
        }
        const int index = m_choice->findData(findValue(current, field.name));
        m_choice->setCurrentIndex(qMax(0, index));
        form->addRow(field.label, m_choice);
    } else {
        m_text = new QLineEdit(this);
        m_text->setClearButtonEnabled(true);
        m_text->setText(findValue(current, valueParameter()));
        if (field.type == FieldType::Id || field.type == FieldType::Integer) {
            m_text->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?\\d{1,18}")), m_text));
            m_text->setPlaceholderText(tr("equals"));
        } else if (field.type == FieldType::Money) {
            m_text->setValidator(
                new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?\\d{1,13}(\\.\\d{1,6})?")), m_text));
            m_text->setPlaceholderText(tr("equals"));
        } else if (field.type == FieldType::Country) {
            m_text->setPlaceholderText(tr("ISO code, e.g. ES"));
        } else {
            m_text->setPlaceholderText(tr("contains"));
        }
        form->addRow(field.label, m_text);
        if (!field.required) {
            m_empty = new QCheckBox(tr("Only records where it is empty"), this);
            bool emptyActive = false;
            const QString emptyValue = findValue(current, field.name, &emptyActive);
            m_empty->setChecked(emptyActive && emptyValue.isEmpty());
            connect(m_empty, &QCheckBox::toggled, m_text, [this](bool on) { m_text->setEnabled(!on); });
            m_text->setEnabled(!m_empty->isChecked());
            form->addRow(QString(), m_empty);
        }
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, this);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("Clear"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this] {
        if (m_text)
            m_text->clear();
        if (m_empty)
            m_empty->setChecked(false);
        if (m_fromEnabled)
            m_fromEnabled->setChecked(false);
        if (m_toEnabled)
            m_toEnabled->setChecked(false);
        if (m_choice)
            m_choice->setCurrentIndex(-1);
        accept();
    });
    layout->addWidget(buttons);
}

void ColumnFilterDialog::addTimePresets(QLayout *layout)
{
    const struct {
        const char *label;
        qint64 seconds; // 0: since midnight
    } presets[] = {{QT_TR_NOOP("Last hour"), 3600}, {QT_TR_NOOP("Last 24 hours"), 86400}, {QT_TR_NOOP("Today"), 0},
                   {QT_TR_NOOP("Last 7 days"), 7 * 86400}};
    for (const auto &preset : presets) {
        auto *button = new QPushButton(tr(preset.label), this);
        button->setAutoDefault(false);
        const qint64 seconds = preset.seconds;
        connect(button, &QPushButton::clicked, this, [this, seconds] {
            const QDateTime end = startOfMinute(QDateTime::currentDateTime()).addSecs(60);
            m_from->setDateTime(seconds > 0 ? end.addSecs(-seconds) : QDateTime(end.date(), QTime(0, 0)));
            m_to->setDateTime(end);
            m_fromEnabled->setChecked(true);
            m_toEnabled->setChecked(false); // up to now, and on: new records keep matching
        });
        layout->addWidget(button);
    }
}

bool ColumnFilterDialog::isRange() const
{
    return m_field.type == FieldType::Date || m_field.type == FieldType::DateTime;
}

QString ColumnFilterDialog::valueParameter() const
{
    // A reference column filters by what people see in it (its label); the API matches the label.
    return m_field.type == FieldType::Reference ? m_field.referenceLabelKey() : m_field.name;
}

ColumnFilterDialog::Filters ColumnFilterDialog::filters() const
{
    Filters result;
    if (isRange()) {
        if (m_fromEnabled->isChecked())
            result.append({m_field.name + QStringLiteral(".from"), rangeValue(m_field, m_from)});
        if (m_toEnabled->isChecked()) {
            if (m_field.type == FieldType::Date) // the API's "to" excludes it; the dialog's includes the day
                result.append({m_field.name + QStringLiteral(".to"), m_to->date().addDays(1).toString(Qt::ISODate)});
            else
                result.append({m_field.name + QStringLiteral(".to"), rangeValue(m_field, m_to)});
        }
    } else if (m_choice) {
        if (m_choice->currentIndex() >= 0)
            result.append({m_field.name, m_choice->currentData().toString()});
    } else if (m_empty && m_empty->isChecked()) {
        result.append({m_field.name, QString()});
    } else if (!m_text->text().trimmed().isEmpty()) {
        QString value = m_text->text().trimmed();
        if (m_field.type == FieldType::Country || m_field.type == FieldType::Currency)
            value = value.toUpper();
        result.append({valueParameter(), value});
    }
    return result;
}

} // namespace backoffice::views
