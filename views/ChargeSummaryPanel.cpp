#include "ChargeSummaryPanel.h"

#include "Amount.h"
#include "BillingEntities.h"
#include "ChargeInvoice.h"
#include "EntityCatalogue.h"
#include "MessagingEntities.h"
#include "ValueFormat.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

const QString Dash = QStringLiteral("—");
const QString InvoiceKey = QStringLiteral("invoice");
const QStringList InvoiceKeys {QStringLiteral("direction"), QStringLiteral("invoiceStatus"),
                               QStringLiteral("periodStart"), QStringLiteral("periodEnd")};

// A field of the catalogue as lists and forms show it ("SMS Global", "Traffic", "#4").
QString shown(const QString &entity, const char *fieldName, const QJsonObject &record)
{
    const FieldDescriptor *field = EntityCatalogue::get(entity).field(QLatin1String(fieldName));
    return field ? valueformat::display(*field, record) : QString();
}

QString text(const QJsonObject &record, const char *key)
{
    return record.value(QLatin1String(key)).toString();
}

// "01.12.2026 00:00 Europe/Berlin": the invoice's period is its agreement's billing period, so it
// reads in that zone, named so nobody takes it for local time.
QString instantInZone(const QString &instant, const QString &zone)
{
    if (instant.isEmpty())
        return {};
    const QString when = valueformat::displayInstant(instant, zone);
    return zone.isEmpty() ? when : QStringLiteral("%1 %2").arg(when, zone);
}

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *caption = new QLabel(text, parent);
    caption->setStyleSheet(QStringLiteral("color: #5f6368;"));
    return caption;
}

} // namespace

ChargeSummaryPanel::ChargeSummaryPanel(QWidget *parent)
    : QWidget(parent)
    , m_invoiceButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("chargeSummary"));
    m_invoiceButton->setObjectName(QStringLiteral("chargeInvoiceButton"));
    m_invoiceButton->setToolTip(tr("Open the invoice in its tab"));
    m_invoiceButton->setCursor(Qt::PointingHandCursor);
    m_invoiceButton->setFlat(true);
    m_invoiceButton->setStyleSheet(QStringLiteral("QPushButton { color: #1a73e8; text-decoration: underline;"
                                                  " text-align: left; padding: 0 2px; border: none; }"));
    m_invoiceButton->hide();
    connect(m_invoiceButton, &QPushButton::clicked, this, [this] {
        if (m_invoiceId > 0)
            emit invoiceClicked(m_invoiceId);
    });

    // The charge's own facts on the left, the invoice's on the right.
    auto *header = new QGridLayout;
    header->setHorizontalSpacing(12);
    header->setColumnStretch(1, 1);
    header->setColumnStretch(3, 1);
    addPair(header, 0, 0, QStringLiteral("id"), tr("ID"));
    addPair(header, 1, 0, QStringLiteral("source"), tr("Source"));
    addPair(header, 2, 0, QStringLiteral("service"), tr("Service"));
    addPair(header, 3, 0, QStringLiteral("agreement"), tr("Agreement"));
    addPair(header, 4, 0, QStringLiteral("company"), tr("Company"));
    addPair(header, 0, 2, InvoiceKey, tr("Invoice"));
    addPair(header, 1, 2, QStringLiteral("invoiceStatus"), tr("Invoice status"));
    addPair(header, 2, 2, QStringLiteral("direction"), tr("Direction"));
    addPair(header, 3, 2, QStringLiteral("periodStart"), tr("Period start"));
    addPair(header, 4, 2, QStringLiteral("periodEnd"), tr("Period end"));
    // The button shares the invoice's cell: shown when there is an invoice to open, the label
    // (saying why there is none) otherwise.
    header->addWidget(m_invoiceButton, 0, 3, Qt::AlignLeft | Qt::AlignVCenter);

    auto *totalsFrame = new QFrame(this);
    totalsFrame->setObjectName(QStringLiteral("chargeTotals"));
    totalsFrame->setFrameShape(QFrame::StyledPanel);
    auto *totals = new QGridLayout(totalsFrame);
    totals->setHorizontalSpacing(24);
    addTotal(totals, 0, QStringLiteral("count"), tr("Count"));
    addTotal(totals, 1, QStringLiteral("volume"), tr("Volume"));
    addTotal(totals, 2, QStringLiteral("net"), tr("Net"));
    addTotal(totals, 3, QStringLiteral("tax"), tr("Tax"));
    addTotal(totals, 4, QStringLiteral("total"), tr("Total"));
    totals->setColumnStretch(5, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(totalsFrame);
    clear();
}

QLabel *ChargeSummaryPanel::addPair(QGridLayout *grid, int row, int column, const QString &key, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(QStringLiteral("summary-%1").arg(key));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    grid->addWidget(captionLabel(label, this), row, column, Qt::AlignRight | Qt::AlignTop);
    grid->addWidget(value, row, column + 1);
    m_values.insert(key, value);
    return value;
}

QLabel *ChargeSummaryPanel::addTotal(QGridLayout *grid, int column, const QString &key, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(QStringLiteral("summary-%1").arg(key));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(captionLabel(label, this), 0, column);
    grid->addWidget(value, 1, column);
    m_values.insert(key, value);
    return value;
}

void ChargeSummaryPanel::setValue(const QString &key, const QString &text)
{
    if (QLabel *value = m_values.value(key))
        value->setText(text.isEmpty() ? Dash : text);
}

void ChargeSummaryPanel::clear()
{
    m_charge = {};
    for (QLabel *value : std::as_const(m_values)) {
        value->setText(Dash);
        value->setToolTip(QString());
    }
    setInvoiceValues(Dash);
}

void ChargeSummaryPanel::setInvoiceValues(const QString &placeholder)
{
    m_invoiceId = 0;
    m_invoiceButton->hide();
    m_values.value(InvoiceKey)->show();
    setValue(InvoiceKey, placeholder);
    for (const QString &key : InvoiceKeys)
        setValue(key, {});
}

void ChargeSummaryPanel::showCharge(const QJsonObject &charge)
{
    m_charge = charge;
    const QString charges = entities::charges;
    setValue(QStringLiteral("id"), QString::number(charge.value(QLatin1String("id")).toInteger()));
    setValue(QStringLiteral("source"), shown(charges, "source", charge));
    setValue(QStringLiteral("service"), shown(charges, "serviceId", charge));
    setValue(QStringLiteral("agreement"), shown(charges, "agreementId", charge));
    setValue(QStringLiteral("company"), shown(charges, "companyId", charge));
    // One charge is one billable event of `units` parts (a line's count is its number of charges).
    setValue(QStringLiteral("count"), QStringLiteral("1"));
    setValue(QStringLiteral("volume"), shown(charges, "units", charge));
    setValue(QStringLiteral("net"),
             valueformat::displayAmount(charge.value(QLatin1String("amount")), text(charge, "currency")));
    setValue(QStringLiteral("tax"), {});
    setValue(QStringLiteral("total"), {});
    setInvoiceValues(tr("looking up…"));
}

void ChargeSummaryPanel::showInvoice(const QJsonObject &invoice)
{
    m_invoiceId = invoice.value(QLatin1String("id")).toInteger();
    m_invoiceButton->setText(chargeinvoice::reference(invoice));
    m_invoiceButton->show();
    m_values.value(InvoiceKey)->hide();
    const QString invoices = entities::invoices;
    setValue(QStringLiteral("direction"), shown(invoices, "direction", invoice));
    setValue(QStringLiteral("invoiceStatus"), shown(invoices, "status", invoice));
    const QString zone = text(invoice, "timeZone");
    setValue(QStringLiteral("periodStart"), instantInZone(text(invoice, "periodStart"), zone));
    setValue(QStringLiteral("periodEnd"), instantInZone(text(invoice, "periodEnd"), zone));
    showTaxFromInvoice(invoice);
}

void ChargeSummaryPanel::showNotInvoiced()
{
    setInvoiceValues(tr("not invoiced yet"));
    showTaxFromInvoice({});
}

void ChargeSummaryPanel::showInvoiceUnknown()
{
    setInvoiceValues(tr("unknown"));
}

void ChargeSummaryPanel::showTaxFromInvoice(const QJsonObject &invoice)
{
    // Tax is worked out once per invoice line, on the line's net rounded to cents (the one rounding
    // place of the guide), so a charge has no tax or total of its own unless the rate is nil.
    const QString why = tr("Tax is charged once per invoice line, on the line's net rounded to cents; "
                           "a single charge has no tax of its own.");
    const std::optional<Amount> rate = Amount::parse(text(invoice, "taxRate"));
    QLabel *tax = m_values.value(QStringLiteral("tax"));
    QLabel *total = m_values.value(QStringLiteral("total"));
    if (!invoice.isEmpty() && rate && rate->isZero()) {
        const QString currency = text(m_charge, "currency");
        setValue(QStringLiteral("tax"), Amount().toString(2) + QLatin1Char(' ') + currency);
        setValue(QStringLiteral("total"),
                 valueformat::displayAmount(m_charge.value(QLatin1String("amount")), currency));
        tax->setToolTip(tr("The invoice charges no tax."));
        total->setToolTip(QString());
        return;
    }
    if (invoice.isEmpty() || !rate) {
        setValue(QStringLiteral("tax"), tr("on the invoice line"));
    } else {
        const QString label = text(invoice, "taxLabel");
        const QString percent = rate->toString(0) + QStringLiteral(" %");
        setValue(
            QStringLiteral("tax"),
            tr("%1 on the invoice line").arg(label.isEmpty() ? percent : QStringLiteral("%1 %2").arg(label, percent)));
    }
    setValue(QStringLiteral("total"), tr("on the invoice line"));
    tax->setToolTip(why);
    total->setToolTip(why);
}

QString ChargeSummaryPanel::valueText(const QString &key) const
{
    if (key == InvoiceKey && !m_invoiceButton->isHidden())
        return m_invoiceButton->text();
    const QLabel *value = m_values.value(key);
    return value ? value->text() : QString();
}

} // namespace backoffice::views
