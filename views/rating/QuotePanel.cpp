#include "QuotePanel.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "RatingCatalogue.h"
#include "ReferenceComboBox.h"
#include "Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

using rating::Dimension;

// The attributes a quote may carry besides the number (resource is the channel's own level).
QList<Dimension> attributeDimensions()
{
    QList<Dimension> list;
    for (int i = int(Dimension::Direction); i < rating::DimensionCount; ++i)
        list << Dimension(i);
    return list;
}

QString outcomeLabel(const QString &key)
{
    if (key == QLatin1String("used"))
        return QObject::tr("Priced the message");
    if (key == QLatin1String("notIncluded"))
        return QObject::tr("Not included: handed over");
    if (key == QLatin1String("noRate"))
        return QObject::tr("Does not carry this traffic");
    if (key == QLatin1String("archived"))
        return QObject::tr("Archived");
    if (key == QLatin1String("noScope"))
        return QObject::tr("No scope in force");
    if (key == QLatin1String("notEffective"))
        return QObject::tr("Not in force at that time");
    return key;
}

} // namespace

QuotePanel::QuotePanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("quotePanel"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildRequestForm());
    splitter->addWidget(buildResultView());
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    clearResult();
}

QWidget *QuotePanel::buildRequestForm()
{
    auto *box = new QGroupBox(tr("What to price"), this);
    auto *form = new QFormLayout(box);
    m_agreement = new ReferenceComboBox(m_session->api(), QStringLiteral("agreements"), box);
    m_agreement->setObjectName(QStringLiteral("quoteAgreement"));
    form->addRow(tr("Agreement *"), m_agreement);

    m_time = new QDateTimeEdit(QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone::utc()), box);
    m_time->setDisplayFormat(QStringLiteral("dd.MM.yyyy HH:mm:ss"));
    m_time->setCalendarPopup(true);
    m_zone = new QComboBox(box);
    m_zone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->setCurrentText(QStringLiteral("UTC"));
    auto *when = new QHBoxLayout;
    when->addWidget(m_time, 1);
    when->addWidget(m_zone, 1);
    form->addRow(tr("Event time"), when);

    m_channel = new QComboBox(box);
    m_channel->setObjectName(QStringLiteral("quoteChannel"));
    for (const rating::ServiceDomainInfo &domain : rating::RatingCatalogue::domains())
        m_channel->addItem(domain.label, domain.key);
    m_resource = new QComboBox(box);
    m_resource->setObjectName(QStringLiteral("quoteResource"));
    connect(m_channel, &QComboBox::currentIndexChanged, this, &QuotePanel::fillResources);
    fillResources();
    form->addRow(tr("Channel"), m_channel);
    form->addRow(tr("Resource"), m_resource);

    m_number = new QLineEdit(box);
    m_number->setObjectName(QStringLiteral("quoteNumber"));
    m_number->setPlaceholderText(tr("+34600123456 — gives country, MCC/MNC and network"));
    form->addRow(tr("Phone number"), m_number);
    m_senderId = new QLineEdit(box);
    m_senderId->setPlaceholderText(tr("counter of sender-ID scales"));
    form->addRow(tr("Sender ID"), m_senderId);
    m_messages = new QSpinBox(box);
    m_messages->setRange(1, 1000000000);
    m_segments = new QSpinBox(box);
    m_segments->setRange(1, 1000000000);
    m_segments->setObjectName(QStringLiteral("quoteSegments"));
    auto *counts = new QHBoxLayout;
    counts->addWidget(new QLabel(tr("Messages"), box));
    counts->addWidget(m_messages, 1);
    counts->addWidget(new QLabel(tr("Segments"), box));
    counts->addWidget(m_segments, 1);
    form->addRow(tr("Quantity"), counts);

    const QList<Dimension> dimensions = attributeDimensions();
    m_attributes = new QTableWidget(int(dimensions.size()), 2, box);
    m_attributes->setObjectName(QStringLiteral("quoteAttributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Attribute"), tr("Value (empty: from the number or not sent)")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    for (int row = 0; row < dimensions.size(); ++row) {
        auto *label = new QTableWidgetItem(rating::RatingCatalogue::dimensionLabel(dimensions[row]));
        label->setFlags(Qt::ItemIsEnabled);
        label->setData(Qt::UserRole, rating::dimensionKey(dimensions[row]));
        m_attributes->setItem(row, 0, label);
        m_attributes->setItem(row, 1, new QTableWidgetItem);
    }
    m_attributes->resizeColumnToContents(0);
    form->addRow(tr("Attributes"), m_attributes);

    m_useVolume = new QCheckBox(tr("Volume already counted in the period"), box);
    m_volume = new QSpinBox(box);
    m_volume->setRange(0, std::numeric_limits<int>::max());
    m_volume->setGroupSeparatorShown(true);
    m_volume->setEnabled(false);
    connect(m_useVolume, &QCheckBox::toggled, m_volume, &QSpinBox::setEnabled);
    auto *volume = new QHBoxLayout;
    volume->addWidget(m_useVolume);
    volume->addWidget(m_volume, 1);
    form->addRow(tr("Scales (what if)"), volume);

    m_quote = new QPushButton(tr("Quote"), box);
    m_quote->setObjectName(QStringLiteral("quoteButton"));
    m_quote->setDefault(true);
    m_quote->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_quote, &QPushButton::clicked, this, &QuotePanel::requestQuote);
    connect(m_number, &QLineEdit::returnPressed, this, &QuotePanel::requestQuote);
    form->addRow(QString(), m_quote);
    m_agreement->ensureLoaded();
    return box;
}

QWidget *QuotePanel::buildResultView()
{
    auto *box = new QGroupBox(tr("Price"), this);
    auto *layout = new QVBoxLayout(box);
    m_headline = new QLabel(box);
    m_headline->setObjectName(QStringLiteral("quoteHeadline"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_headline->setFont(big);
    m_reason = new QLabel(box);
    m_reason->setWordWrap(true);
    m_details = new QLabel(box);
    m_details->setTextFormat(Qt::RichText);
    m_explain = new QLabel(box);
    m_explain->setObjectName(QStringLiteral("quoteExplain"));
    m_explain->setWordWrap(true);
    m_explain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_destination = new QLabel(box);
    m_destination->setWordWrap(true);
    m_considered = new QTableWidget(0, 3, box);
    m_considered->setObjectName(QStringLiteral("quoteConsidered"));
    m_considered->setHorizontalHeaderLabels({tr("Enabled service"), tr("Type"), tr("Outcome")});
    m_considered->horizontalHeader()->setStretchLastSection(true);
    m_considered->verticalHeader()->hide();
    m_considered->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_headline);
    layout->addWidget(m_reason);
    layout->addWidget(m_details);
    layout->addWidget(new QLabel(tr("<b>Explain</b>"), box));
    layout->addWidget(m_explain);
    layout->addWidget(m_destination);
    layout->addWidget(new QLabel(tr("<b>Services considered, in order</b>"), box));
    layout->addWidget(m_considered, 1);
    return box;
}

void QuotePanel::fillResources()
{
    m_resource->clear();
    const rating::ServiceDomainInfo *domain = rating::RatingCatalogue::domain(m_channel->currentData().toString());
    if (!domain)
        return;
    for (const rating::ResourceInfo &resource : domain->resources)
        m_resource->addItem(resource.label, resource.key);
}

void QuotePanel::setChannel(const QString &domainKey, const QString &resourceKey)
{
    m_channel->setCurrentIndex(m_channel->findData(domainKey));
    m_resource->setCurrentIndex(m_resource->findData(resourceKey));
}

void QuotePanel::setNumber(const QString &number)
{
    m_number->setText(number);
}

void QuotePanel::setAttribute(const QString &dimensionKey, const QString &value)
{
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        if (m_attributes->item(row, 0)->data(Qt::UserRole).toString() == dimensionKey)
            m_attributes->item(row, 1)->setText(value);
    }
}

void QuotePanel::setSegments(int segments)
{
    m_segments->setValue(segments);
}

void QuotePanel::setPeriodVolume(qint64 volume)
{
    m_useVolume->setChecked(volume >= 0);
    if (volume >= 0)
        m_volume->setValue(int(qMin<qint64>(volume, m_volume->maximum())));
}

QJsonObject QuotePanel::requestBody() const
{
    // The wall clock as typed, read in the chosen zone by the server.
    QJsonObject body{{QStringLiteral("agreementId"), m_agreement->currentId()},
                     {QStringLiteral("at"), m_time->dateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))},
                     {QStringLiteral("atZone"), m_zone->currentText().trimmed()},
                     {QStringLiteral("channel"), m_channel->currentData().toString()},
                     {QStringLiteral("resource"), m_resource->currentData().toString()},
                     {QStringLiteral("messages"), m_messages->value()},
                     {QStringLiteral("segments"), m_segments->value()}};
    if (!m_number->text().trimmed().isEmpty())
        body.insert(QStringLiteral("number"), m_number->text().trimmed());
    if (!m_senderId->text().trimmed().isEmpty())
        body.insert(QStringLiteral("senderId"), m_senderId->text().trimmed());
    if (m_useVolume->isChecked())
        body.insert(QStringLiteral("periodVolume"), m_volume->value());
    QJsonObject attributes;
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const QString value = m_attributes->item(row, 1)->text().trimmed();
        if (!value.isEmpty())
            attributes.insert(m_attributes->item(row, 0)->data(Qt::UserRole).toString(), value);
    }
    body.insert(QStringLiteral("attributes"), attributes);
    return body;
}

void QuotePanel::requestQuote()
{
    m_banner->clearMessage();
    if (m_agreement->currentId() <= 0) {
        m_banner->showError(tr("Choose the agreement whose services price the message."));
        emit quoted(false);
        return;
    }
    m_quote->setEnabled(false);
    ApiReply *reply = m_session->api()->post(QStringLiteral("rating/quote"), requestBody());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_quote->setEnabled(true);
        if (!reply->ok()) {
            clearResult();
            // The request form has no per-field editors for every key, so field errors are listed.
            QString text = describeFailure(reply);
            const QHash<QString, QString> &fields = reply->error().fields;
            for (auto it = fields.begin(); it != fields.end(); ++it)
                text += QStringLiteral("\n• %1: %2").arg(it.key(), it.value());
            m_banner->showError(text);
            emit quoted(false);
            return;
        }
        showAnswer(reply->object());
        emit quoted(true);
    });
}

void QuotePanel::clearResult()
{
    m_answer = {};
    m_headline->setText(tr("No quote yet"));
    m_reason->clear();
    m_details->clear();
    m_explain->setText(tr("—"));
    m_destination->clear();
    m_considered->setRowCount(0);
}

void QuotePanel::showAnswer(const QJsonObject &answer)
{
    m_answer = answer;
    auto text = [&](const char *key) { return answer.value(QLatin1String(key)).toString(); };
    const QString status = text("status");
    const QString currency = text("currency").isEmpty() ? tr("units") : text("currency");
    if (status == QLatin1String("ok") || status == QLatin1String("free"))
        m_headline->setText(QStringLiteral("%1 %2").arg(text("amount"), currency));
    else if (status == QLatin1String("included"))
        m_headline->setText(tr("Included in %1").arg(text("serviceName")));
    else
        m_headline->setText(tr("Not priced: %1").arg(status));
    m_reason->setText(text("reason"));
    if (answer.contains(QLatin1String("serviceId"))) {
        QString details = tr("<table><tr><td>Service</td><td><b>%1</b> (%2), scope %3</td></tr>"
                             "<tr><td>Price per unit</td><td>%4</td></tr>"
                             "<tr><td>Quantity</td><td>%5 (%6)</td></tr>"
                             "<tr><td>Billing rule</td><td>%7</td></tr>")
                              .arg(text("serviceName").toHtmlEscaped(), text("serviceType"))
                              .arg(answer.value(QLatin1String("scopeId")).toInteger())
                              .arg(text("unitPrice"))
                              .arg(answer.value(QLatin1String("quantity")).toInteger())
                              .arg(text("quantityRule"), text("billingRule"));
        if (answer.contains(QLatin1String("bandText")))
            details += tr("<tr><td>Scale</td><td>%1, %2 counter, %3 counted before</td></tr>"
                          "<tr><td>Period adjustment</td><td>%4</td></tr>")
                           .arg(text("bandText"), text("counterGroup"))
                           .arg(answer.value(QLatin1String("periodVolume")).toInteger())
                           .arg(text("periodAdjustment"));
        m_details->setText(details + QStringLiteral("</table>"));
    } else {
        m_details->clear();
    }
    m_explain->setText(text("explain").isEmpty() ? tr("—") : text("explain"));
    const QJsonObject destination = answer.value(QLatin1String("destination")).toObject();
    m_destination->setText(destination.isEmpty()
                               ? QString()
                               : tr("Destination: %1 %2, MCC/MNC %3, %4")
                                     .arg(destination.value(QLatin1String("e164")).toString(),
                                          destination.value(QLatin1String("countryName")).toString(),
                                          destination.value(QLatin1String("mccmnc")).toString(tr("unknown")),
                                          destination.value(QLatin1String("network")).toString(tr("network unknown"))));
    const QJsonArray considered = answer.value(QLatin1String("considered")).toArray();
    m_considered->setRowCount(int(considered.size()));
    for (int row = 0; row < considered.size(); ++row) {
        const QJsonObject c = considered.at(row).toObject();
        m_considered->setItem(row, 0, new QTableWidgetItem(c.value(QLatin1String("serviceName")).toString()));
        m_considered->setItem(row, 1, new QTableWidgetItem(c.value(QLatin1String("serviceType")).toString()));
        m_considered->setItem(row, 2, new QTableWidgetItem(outcomeLabel(c.value(QLatin1String("outcome")).toString())));
    }
}

} // namespace backoffice::views
