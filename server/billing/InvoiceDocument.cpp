#include "InvoiceDocument.h"

#include "Amount.h"
#include "BillingEntities.h"
#include "DefaultTemplates.h"
#include "DetailsArchive.h"
#include "EntityCatalogue.h"
#include "EntityRepository.h"
#include "PdfRenderer.h"
#include "PrintTemplate.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace backoffice::server {

namespace {

struct Records {
    QSqlDatabase db;
    QDateTime now;
    QJsonObject get(const QString &entity, const QJsonValue &id) const
    {
        if (id.toInteger() <= 0)
            return {};
        return EntityRepository(db, EntityCatalogue::get(entity)).get(id.toInteger(), now).value_or(QJsonObject());
    }
};

QString v(const QJsonObject &record, const char *key)
{
    return record.value(QLatin1String(key)).toString();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray addressLines(const QString &address)
{
    QJsonArray lines;
    for (const QString &line : address.split(QRegularExpression(QStringLiteral("[\\n,]")), Qt::SkipEmptyParts))
        lines.append(line.trimmed());
    return lines;
}

// An id or count as the details files spell whole numbers ("42"); null when there is none.
QJsonValue numberOrNull(const QJsonValue &value)
{
    return value.toInteger() > 0 ? QJsonValue(QString::number(value.toInteger())) : QJsonValue(QJsonValue::Null);
}

QString moneyText(const QJsonValue &value)
{
    return Amount::parse(value.toString()).value_or(Amount()).toString(2);
}

QString localTime(const QString &iso, const QTimeZone &zone)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toTimeZone(zone).toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

QString localDate(const QString &iso)
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : QString();
}

QJsonObject seller(const Records &records, const QJsonObject &agreement)
{
    const QJsonObject own = records.get(entities::ownLegalEntities, agreement.value(QLatin1String("ownLegalEntityId")));
    const QJsonObject account = records.get(entities::ownBankAccounts, agreement.value(QLatin1String("ownBankAccountId")));
    const QJsonObject bank = records.get(entities::banks, account.value(QLatin1String("bankId")));
    return {{QStringLiteral("name"), v(own, "legalCompanyName")},
            {QStringLiteral("addressLines"), addressLines(v(own, "legalAddress"))},
            {QStringLiteral("taxId"), textOrNull(v(own, "vatId").isEmpty() ? v(own, "taxId") : v(own, "vatId"))},
            {QStringLiteral("bank"), QJsonObject{{QStringLiteral("name"), textOrNull(v(bank, "name"))},
                                                 {QStringLiteral("account"), textOrNull(v(account, "accountNumber"))},
                                                 {QStringLiteral("swift"), textOrNull(v(bank, "swiftCode"))}}}};
}

QJsonObject buyer(const Records &records, const QJsonObject &agreement)
{
    const QJsonObject company = records.get(entities::companies, agreement.value(QLatin1String("companyId")));
    const QJsonObject legal = records.get(entities::legalEntities, agreement.value(QLatin1String("legalEntityId")));
    const QString address = v(legal, "billingAddress").isEmpty() ? v(legal, "legalAddress") : v(legal, "billingAddress");
    return {{QStringLiteral("company"), v(company, "name")},
            {QStringLiteral("legalEntity"), v(legal, "legalCompanyName")},
            {QStringLiteral("addressLines"), addressLines(address)},
            {QStringLiteral("taxId"), textOrNull(v(legal, "vatId").isEmpty() ? v(legal, "taxId") : v(legal, "vatId"))},
            {QStringLiteral("agreement"), v(agreement, "code")}};
}

} // namespace

std::optional<InvoiceDocument> InvoiceDocument::load(QSqlDatabase db, qint64 invoiceId, const QDateTime &now)
{
    const Records records{db, now};
    const QJsonObject invoice = records.get(entities::invoices, invoiceId);
    if (invoice.isEmpty())
        return std::nullopt;
    const QJsonObject agreement = records.get(entities::agreements, invoice.value(QLatin1String("agreementId")));
    const QTimeZone zone(v(invoice, "timeZone").toUtf8());
    const QString currency = v(invoice, "currency");
    const int daysForPayment = agreement.value(QLatin1String("daysForPayment")).toInt();

    InvoiceDocument document;
    document.m_id = invoiceId;
    ListQuery byInvoice;
    byInvoice.limit = 100000;
    byInvoice.filters << ListFilter{QStringLiteral("invoiceId"), ListFilter::Op::Equals, invoiceId};
    QJsonArray lines;
    const ListPage page = EntityRepository(db, EntityCatalogue::get(entities::invoiceLines)).list(byInvoice, now);
    for (const QJsonValue &value : page.items) {
        const QJsonObject line = value.toObject();
        const QString senderId = line.value(QLatin1String("senderRecordName")).toString();
        lines.append(QJsonObject{{QStringLiteral("description"), v(line, "description")},
                                 {QStringLiteral("senderId"), textOrNull(senderId)},
                                 {QStringLiteral("quantity"), QString::number(line.value(QLatin1String("volume")).toInteger())},
                                 {QStringLiteral("rate"), Amount::parse(v(line, "unitPrice")).value_or(Amount()).toString(2)},
                                 {QStringLiteral("amount"), moneyText(line.value(QLatin1String("net")))}});
        document.m_detailRows.append(QJsonObject{
            {QStringLiteral("chargeId"), QString::number(line.value(QLatin1String("id")).toInteger())},
            {QStringLiteral("source"), QStringLiteral("Auto")},
            {QStringLiteral("periodStart"), localTime(v(invoice, "periodStart"), zone)},
            {QStringLiteral("periodEnd"), localTime(v(invoice, "periodEnd"), zone)},
            {QStringLiteral("service"), textOrNull(line.value(QLatin1String("serviceName")).toString())},
            {QStringLiteral("resource"), v(line, "source")},
            {QStringLiteral("senderId"), textOrNull(senderId)},
            {QStringLiteral("rateId"), numberOrNull(line.value(QLatin1String("rateId")))},
            {QStringLiteral("priceType"), textOrNull(v(line, "priceType"))},
            {QStringLiteral("scaleType"), textOrNull(v(line, "scaleType"))},
            {QStringLiteral("scaleTier"), numberOrNull(line.value(QLatin1String("scaleTier")))},
            {QStringLiteral("scaleGroup"), textOrNull(v(line, "scaleGroup"))},
            {QStringLiteral("price"), Amount::parse(v(line, "unitPrice")).value_or(Amount()).toString(6)},
            {QStringLiteral("count"), QString::number(line.value(QLatin1String("chargeCount")).toInteger())},
            {QStringLiteral("volume"), QString::number(line.value(QLatin1String("volume")).toInteger())},
            {QStringLiteral("net"), moneyText(line.value(QLatin1String("net")))},
            {QStringLiteral("tax"), moneyText(line.value(QLatin1String("tax")))},
            {QStringLiteral("total"), moneyText(line.value(QLatin1String("total")))},
            {QStringLiteral("currency"), currency}});
    }
    const bool draft = v(invoice, "status") != QLatin1String("CONFIRMED");
    const Amount taxRate = Amount::parse(v(invoice, "taxRate")).value_or(Amount());
    document.m_context = QJsonObject{
        {QStringLiteral("seller"), seller(records, agreement)},
        {QStringLiteral("buyer"), buyer(records, agreement)},
        {QStringLiteral("invoice"),
         QJsonObject{{QStringLiteral("number"), document.number()},
                     {QStringLiteral("issueDate"), textOrNull(localDate(v(invoice, "issueDate")))},
                     {QStringLiteral("dueDate"), textOrNull(localDate(v(invoice, "dueDate")))},
                     {QStringLiteral("periodFrom"), localTime(v(invoice, "periodStart"), zone)},
                     {QStringLiteral("periodTill"), localTime(v(invoice, "periodEnd"), zone)},
                     {QStringLiteral("timeZone"), v(invoice, "timeZone")},
                     {QStringLiteral("currency"), currency},
                     {QStringLiteral("isDraft"), draft},
                     {QStringLiteral("paymentTerms"),
                      QStringLiteral("Payment by bank transfer within %1 days of the issue date.").arg(daysForPayment)}}},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("totals"),
         QJsonObject{{QStringLiteral("net"), moneyText(invoice.value(QLatin1String("net")))},
                     {QStringLiteral("taxLabel"), v(invoice, "taxLabel").isEmpty() ? QStringLiteral("Tax") : v(invoice, "taxLabel")},
                     {QStringLiteral("taxRate"), QString(taxRate.toString(0) + QLatin1Char('%'))},
                     {QStringLiteral("tax"), moneyText(invoice.value(QLatin1String("tax")))},
                     {QStringLiteral("total"), moneyText(invoice.value(QLatin1String("total")))}}},
        {QStringLiteral("referenceNumber"), v(invoice, "referenceNumber")}};
    return document;
}

QString InvoiceDocument::number() const
{
    const QString reference = m_context.isEmpty() ? QString() : m_context.value(QLatin1String("referenceNumber")).toString();
    return reference.isEmpty() ? QStringLiteral("DRAFT-%1").arg(m_id) : reference;
}

std::optional<QByteArray> InvoiceDocument::pdf(QString *error) const
{
    const auto form = printable::PrintTemplate::parse(printable::DefaultTemplates::text(printable::DefaultTemplate::Invoice));
    if (!form) {
        *error = QStringLiteral("The invoice form cannot be read");
        return std::nullopt;
    }
    const printable::RenderResult html = form->render(m_context);
    if (!html.ok()) {
        *error = QStringLiteral("The invoice form does not fit this invoice: %1").arg(html.errorText());
        return std::nullopt;
    }
    printable::PdfRenderer renderer;
    renderer.setTitle(QStringLiteral("Invoice %1").arg(number()));
    renderer.setFooterFormat(QStringLiteral("Invoice %1 · page %2 of %3").arg(number(), QStringLiteral("%1"), QStringLiteral("%2")));
    return renderer.render(html.output, error);
}

std::optional<QByteArray> InvoiceDocument::detailsArchive(QString *error) const
{
    const auto invoicePdf = pdf(error);
    if (!invoicePdf)
        return std::nullopt;
    return printable::DetailsArchive::build(number(), *invoicePdf, m_detailRows, error);
}

} // namespace backoffice::server
