#include "SampleInvoice.h"

#include "Amount.h"

#include <QJsonArray>

namespace backoffice::printable::test {

namespace {

Amount amount(const char *text)
{
    return Amount::parse(QString::fromLatin1(text)).value();
}

const char *const SenderIds[] = {"TelecomMon", "+447700900123", "HornesHoov"};
const char *const Rates[] = {"0.0421", "0.0289", "0.00421"};

QJsonObject seller()
{
    QJsonObject bank {{QStringLiteral("name"), QStringLiteral("Swedbank AS")},
                      {QStringLiteral("account"), QStringLiteral("LV80HABA0551000000001")},
                      {QStringLiteral("swift"), QStringLiteral("HABALV22")}};
    return {{QStringLiteral("name"), QStringLiteral("Telecom Monsters SIA")},
            {QStringLiteral("addressLines"),
             QJsonArray {QStringLiteral("Brīvības iela 12"), QStringLiteral("Riga LV-1010"), QStringLiteral("Latvia")}},
            {QStringLiteral("taxId"), QStringLiteral("LV40003012345")},
            {QStringLiteral("bank"), bank}};
}

QJsonObject buyer()
{
    return {
        {QStringLiteral("company"), QStringLiteral("Hornes & Hooves")},
        {QStringLiteral("legalEntity"), QStringLiteral("Hornes & Hooves <Trading> Ltd")},
        {QStringLiteral("addressLines"),
         QJsonArray {QStringLiteral("1 Market Square"), QStringLiteral("Tallinn 10111"), QStringLiteral("Estonia")}},
        {QStringLiteral("taxId"), QStringLiteral("EE101234567")},
        {QStringLiteral("agreement"), QStringLiteral("NC-12345")}};
}

QJsonObject invoice()
{
    return {{QStringLiteral("number"), QStringLiteral("INV/2024/07")},
            {QStringLiteral("issueDate"), QStringLiteral("01.08.2024")},
            {QStringLiteral("dueDate"), QStringLiteral("15.08.2024")},
            {QStringLiteral("periodFrom"), QStringLiteral("01.07.2024 00:00")},
            {QStringLiteral("periodTill"), QStringLiteral("01.08.2024 00:00")},
            {QStringLiteral("timeZone"), QStringLiteral("Europe/Riga")},
            {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("isDraft"), false},
            {QStringLiteral("paymentTerms"),
             QStringLiteral("Payment by bank transfer within 14 days of the issue date. Late payments may suspend "
                            "traffic.")}};
}

QJsonObject invoiceTotals(Amount net)
{
    // Tax on the rounded net, rounded half-up to cents once.
    Amount tax;
    Amount::multiplyByFactor(net, amount("0.21"), &tax);
    tax = tax.rounded(2);
    const QJsonObject totals {{QStringLiteral("net"), net.toString(2)},
                              {QStringLiteral("tax"), tax.toString(2)},
                              {QStringLiteral("total"), (net + tax).toString(2)},
                              {QStringLiteral("taxLabel"), QStringLiteral("VAT")},
                              {QStringLiteral("taxRate"), QStringLiteral("21%")}};
    return totals;
}

} // namespace

QJsonObject sampleInvoiceContext(int lineCount)
{
    QJsonArray lines;
    Amount net;
    for (int i = 0; i < lineCount; ++i) {
        const Amount rate = amount(Rates[i % 3]);
        const qint64 quantity = 1000 + 37 * i;
        const Amount lineAmount = rate.multipliedBy(quantity).rounded(2); // the invoice line rounding
        net += lineAmount;
        lines.append(
            QJsonObject {{QStringLiteral("description"), QStringLiteral("SMS messaging — Latvia, LMT (%1)").arg(i + 1)},
                         {QStringLiteral("senderId"), QString::fromLatin1(SenderIds[i % 3])},
                         {QStringLiteral("quantity"), QString::number(quantity)},
                         {QStringLiteral("rate"), rate.toString(4)},
                         {QStringLiteral("amount"), lineAmount.toString(2)}});
    }
    return {{QStringLiteral("seller"), seller()},
            {QStringLiteral("buyer"), buyer()},
            {QStringLiteral("invoice"), invoice()},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("totals"), invoiceTotals(net)}};
}

QList<QJsonObject> sampleDetailRows(int rowCount)
{
    QList<QJsonObject> rows;
    for (int i = 0; i < rowCount; ++i) {
        const Amount price = amount(Rates[i % 3]);
        const qint64 count = 100 + i;
        const Amount net = price.multipliedBy(count);
        Amount tax;
        Amount::multiplyByFactor(net, amount("0.21"), &tax);
        rows.append(QJsonObject {{QStringLiteral("chargeId"), QString::number(1000 + i)},
                                 {QStringLiteral("source"), QStringLiteral("Auto")},
                                 {QStringLiteral("periodStart"), QStringLiteral("01.07.2024 00:00")},
                                 {QStringLiteral("periodEnd"), QStringLiteral("01.08.2024 00:00")},
                                 {QStringLiteral("service"), QStringLiteral("SMS pay-as-you-go")},
                                 {QStringLiteral("resource"), QStringLiteral("SMS message")},
                                 {QStringLiteral("senderId"), QString::fromLatin1(SenderIds[i % 3])},
                                 {QStringLiteral("rateId"), QString::number(130 + i % 3)},
                                 // Every third line a tier of a scale, the others flat rates.
                                 {QStringLiteral("priceType"), i % 3 == 0 ? QStringLiteral("scale") : QStringLiteral("flat")},
                                 {QStringLiteral("scaleType"), i % 3 == 0 ? QJsonValue(QStringLiteral("tier")) : QJsonValue()},
                                 {QStringLiteral("scaleTier"), i % 3 == 0 ? QJsonValue(QStringLiteral("2")) : QJsonValue()},
                                 {QStringLiteral("scaleGroup"), i % 3 == 0 ? QJsonValue(QStringLiteral("agreement")) : QJsonValue()},
                                 {QStringLiteral("price"), price.toString(6)},
                                 {QStringLiteral("count"), QString::number(count)},
                                 {QStringLiteral("volume"), QString::number(count)},
                                 {QStringLiteral("net"), net.toString(6)},
                                 {QStringLiteral("tax"), tax.toString(6)},
                                 {QStringLiteral("total"), (net + tax).toString(6)},
                                 {QStringLiteral("currency"), QStringLiteral("EUR")}});
    }
    return rows;
}

QJsonObject sampleChargeDetailsContext(int rowCount)
{
    QJsonArray charges;
    Amount net;
    Amount tax;
    Amount total;
    const auto value = [](const QJsonObject &row, const char *key) {
        return Amount::parse(row.value(QString::fromLatin1(key)).toString()).value();
    };
    for (const QJsonObject &row : sampleDetailRows(rowCount)) {
        charges.append(row);
        net += value(row, "net");
        tax += value(row, "tax");
        total += value(row, "total");
    }
    const QJsonObject sums {{QStringLiteral("net"), net.toString(6)},
                            {QStringLiteral("tax"), tax.toString(6)},
                            {QStringLiteral("total"), total.toString(6)}};
    return {{QStringLiteral("seller"), seller()},
            {QStringLiteral("buyer"), buyer()},
            {QStringLiteral("invoice"), invoice()},
            {QStringLiteral("charges"), charges},
            {QStringLiteral("totals"), sums}};
}

} // namespace backoffice::printable::test
