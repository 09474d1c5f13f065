#include "EnabledServiceForm.h"

#include "ApiClient.h"
#include "ServiceEntities.h"
#include "Session.h"
#include "editors/FieldEditor.h"

#include <QDateTime>
#include <QLabel>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace backoffice::views {

EnabledServiceForm::EnabledServiceForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{
}

void EnabledServiceForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    m_price = new QLabel(this);
    m_price->setObjectName(QStringLiteral("packPrice"));
    m_price->setTextFormat(Qt::RichText);
    m_price->setWordWrap(true);
    m_price->hide();
    layout->addWidget(m_price);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250); // one request after a burst of changes (typing a date)
    connect(m_debounce, &QTimer::timeout, this, &EnabledServiceForm::askPrice);
    for (const char *name : {"agreementId", "serviceId", "billing", "effectiveFrom", "effectiveFromZone"}) {
        if (FieldEditor *editor = this->editor(QString::fromLatin1(name)))
            connect(editor, &FieldEditor::changed, m_debounce, qOverload<>(&QTimer::start));
    }
}

bool EnabledServiceForm::isFieldShown(const FieldDescriptor &field, FormMode mode) const
{
    const QString type = m_record.value(QLatin1String("serviceType")).toString();
    if (mode == FormMode::Create || type.isEmpty())
        return EntityForm::isFieldShown(field, mode);
    const bool units = type == QLatin1String("unitPack") || type == QLatin1String("bundlePack");
    const QString &name = field.name;
    if (name == QLatin1String("packSize") || name == QLatin1String("unitsUsed"))
        return units;
    if (name == QLatin1String("rounds") || name == QLatin1String("autoExtend"))
        return type == QLatin1String("bundlePack");
    if (name == QLatin1String("moneySpent") || name == QLatin1String("moneyLeft"))
        return type == QLatin1String("monetaryPack");
    if (name == QLatin1String("billing"))
        return isPackType(type);
    return EntityForm::isFieldShown(field, mode);
}

void EnabledServiceForm::onRecordLoaded(const QJsonObject &record)
{
    m_record = record;
    applyMode(); // the fields shown depend on the kind of service
    if (m_debounce)
        m_debounce->start();
}

void EnabledServiceForm::onModeChanged(FormMode mode)
{
    if (mode == FormMode::Create)
        m_record = {};
    if (m_debounce)
        m_debounce->start();
}

QJsonObject EnabledServiceForm::currentValues() const
{
    QJsonObject values = m_record;
    const QJsonObject edited = collectValues(mode());
    for (auto it = edited.begin(); it != edited.end(); ++it)
        values.insert(it.key(), it.value());
    return values;
}

void EnabledServiceForm::askPrice()
{
    const int generation = ++m_generation;
    const QJsonObject values = currentValues();
    const qint64 agreementId = values.value(QLatin1String("agreementId")).toInteger();
    const qint64 serviceId = values.value(QLatin1String("serviceId")).toInteger();
    if (values.value(QLatin1String("billing")).toString() != QLatin1String("charge") || agreementId <= 0 || serviceId <= 0) {
        m_price->hide();
        return;
    }
    QJsonObject body{{QStringLiteral("agreementId"), agreementId}, {QStringLiteral("serviceId"), serviceId}};
    // The purchase is priced at the pack's effective-from, read in its zone.
    QDateTime from = QDateTime::fromString(values.value(QLatin1String("effectiveFrom")).toString(), Qt::ISODateWithMs);
    if (from.isValid() && from.timeSpec() == Qt::LocalTime) {
        const QTimeZone zone(values.value(QLatin1String("effectiveFromZone")).toString().toUtf8());
        from = QDateTime(from.date(), from.time(), zone.isValid() ? zone : QTimeZone::utc());
    }
    if (from.isValid())
        body.insert(QStringLiteral("effectiveFrom"), from.toUTC().toString(Qt::ISODateWithMs));
    ApiReply *reply = session()->api()->post(QStringLiteral("enabled-services/pack-price"), body);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // the values changed meanwhile: a newer answer is on its way
        if (!reply->ok()) {
            m_price->hide(); // not a pack, or nothing to price yet
            return;
        }
        showPrice(reply->object());
    });
}

void EnabledServiceForm::showPrice(const QJsonObject &answer)
{
    if (answer.value(QLatin1String("price")).isNull()) {
        m_price->setText(QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                             .arg(answer.value(QLatin1String("message")).toString().toHtmlEscaped()));
    } else {
        m_price->setText(QStringLiteral("<span style=\"color:#2e7d32\">✓</span> ")
                         + tr("Purchase price: <b>%1 %2</b>, priced by %3; written off at effective from")
                               .arg(answer.value(QLatin1String("price")).toString(),
                                    answer.value(QLatin1String("currency")).toString(),
                                    answer.value(QLatin1String("pricedByName")).toString().toHtmlEscaped()));
    }
    m_price->show();
}

} // namespace backoffice::views
