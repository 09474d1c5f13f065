#include "ChargeDetailsView.h"

#include "EntityCatalogue.h"
#include "MessagingEntities.h"
#include "ValueFormat.h"

#include <QFormLayout>
#include <QLabel>

namespace backoffice::views {

namespace {

const QString InvoiceKey = QStringLiteral("invoice");

const EntityDescriptor &charges()
{
    return EntityCatalogue::get(entities::charges);
}

QString fieldText(const FieldDescriptor &field, const QJsonObject &charge, const QString &timeZone)
{
    const QJsonValue value = charge.value(field.name);
    switch (field.type) {
    case FieldType::DateTime:
        if (value.toString().isEmpty())
            return {};
        // Named when it is the invoice's zone, so nobody reads it as their own.
        return timeZone.isEmpty() ? valueformat::displayInstant(value.toString())
                                  : QStringLiteral("%1 %2").arg(valueformat::displayInstant(value.toString(), timeZone),
                                                                timeZone);
    case FieldType::Money:
        // Six decimals where the rate has them: the detail view is where a rate is checked.
        return valueformat::displayAmount(value, charge.value(QLatin1String("currency")).toString());
    case FieldType::Reference: {
        const QString label = valueformat::display(field, charge);
        const qint64 id = value.toInteger();
        if (id <= 0)
            return label;
        // The id next to the label: staff look EDRs and services up by it. A record whose label is
        // its id (an enabled service) reads "#4", not "4 (#4)".
        if (label.isEmpty() || label.startsWith(QLatin1Char('#')) || label == QString::number(id))
            return QStringLiteral("#%1").arg(id);
        return QStringLiteral("%1 (#%2)").arg(label).arg(id);
    }
    default: return valueformat::display(field, charge);
    }
}

} // namespace

ChargeDetailsView::ChargeDetailsView(QWidget *parent)
    : QGroupBox(tr("Charge details"), parent)
    , m_form(new QFormLayout(this))
{
    setObjectName(QStringLiteral("chargeDetails"));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight);
    addRow(InvoiceKey, tr("Invoice"));
    for (const FieldDescriptor &field : charges().fields) {
        if (field.type == FieldType::TimeZone)
            continue;
        addRow(field.name, field.label);
    }
    clearCharge();
}

QLabel *ChargeDetailsView::addRow(const QString &key, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(QStringLiteral("charge-%1").arg(key));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    m_form->addRow(label, value);
    m_values.insert(key, value);
    return value;
}

void ChargeDetailsView::setInvoiceText(const QString &text)
{
    m_values.value(InvoiceKey)->setText(text);
}

void ChargeDetailsView::showCharge(const QJsonObject &charge, const QString &timeZone)
{
    m_charge = charge;
    setTitle(tr("Charge #%1").arg(charge.value(QLatin1String("id")).toInteger()));
    for (const FieldDescriptor &field : charges().fields) {
        if (QLabel *value = m_values.value(field.name)) {
            const QString text = fieldText(field, charge, timeZone);
            value->setText(text.isEmpty() ? QStringLiteral("—") : text);
        }
    }
    setEnabled(true);
}

void ChargeDetailsView::clearCharge()
{
    m_charge = {};
    setTitle(tr("Charge details"));
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (it.key() != InvoiceKey)
            it.value()->setText(QStringLiteral("—"));
    }
    setEnabled(false);
}

QString ChargeDetailsView::valueText(const QString &fieldName) const
{
    const QLabel *value = m_values.value(fieldName);
    return value ? value->text() : QString();
}

} // namespace backoffice::views
