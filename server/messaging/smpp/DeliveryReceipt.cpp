#include "DeliveryReceipt.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace backoffice::smpp {

namespace {

struct StatName {
    ReceiptStat stat;
    const char *appendix;
    const char *fullWord;
};

constexpr StatName StatNames[] = {
    {ReceiptStat::Delivered, "DELIVRD", "DELIVERED"}, {ReceiptStat::Expired, "EXPIRED", "EXPIRED"},
    {ReceiptStat::Deleted, "DELETED", "DELETED"},     {ReceiptStat::Undeliverable, "UNDELIV", "UNDELIVERABLE"},
    {ReceiptStat::Accepted, "ACCEPTD", "ACCEPTED"},   {ReceiptStat::Unknown, "UNKNOWN", "UNKNOWN"},
    {ReceiptStat::Rejected, "REJECTD", "REJECTED"},   {ReceiptStat::Enroute, "ENROUTE", "ENROUTE"},
};

QString dateText(const QDateTime &date, bool withSeconds)
{
    if (!date.isValid())
        return {};
    return date.toString(withSeconds ? QStringLiteral("yyMMddHHmmss") : QStringLiteral("yyMMddHHmm"));
}

// YYMMDDhhmm or YYMMDDhhmmss, years 2000-2099.
QDateTime parseDate(QStringView digits, bool *withSeconds)
{
    if (digits.size() != 10 && digits.size() != 12)
        return {};
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return {};
    }
    auto number = [&](int at) { return digits.sliced(at, 2).toInt(); };
    const QDate date(2000 + number(0), number(2), number(4));
    const QTime time(number(6), number(8), digits.size() == 12 ? number(10) : 0);
    if (!date.isValid() || !time.isValid())
        return {};
    *withSeconds = digits.size() == 12;
    return QDateTime(date, time, QTimeZone::utc());
}

enum class Key { Id, Sub, Dlvrd, SubmitDate, DoneDate, Stat, Err, Text };

Key keyOf(QStringView name)
{
    const QString key = name.toString().toLower().remove(u' ').remove(u'_');
    if (key == u"id")
        return Key::Id;
    if (key == u"sub")
        return Key::Sub;
    if (key == u"dlvrd")
        return Key::Dlvrd;
    if (key == u"submitdate")
        return Key::SubmitDate;
    if (key == u"donedate")
        return Key::DoneDate;
    if (key == u"stat")
        return Key::Stat;
    if (key == u"err")
        return Key::Err;
    return Key::Text;
}

} // namespace

QString receiptStatText(ReceiptStat stat)
{
    for (const StatName &name : StatNames) {
        if (name.stat == stat)
            return QLatin1String(name.appendix);
    }
    return QStringLiteral("UNKNOWN");
}

std::optional<ReceiptStat> receiptStatFromText(QStringView text)
{
    for (const StatName &name : StatNames) {
        if (text.compare(QLatin1String(name.appendix), Qt::CaseInsensitive) == 0
            || text.compare(QLatin1String(name.fullWord), Qt::CaseInsensitive) == 0)
            return name.stat;
    }
    return std::nullopt;
}

MessageState messageStateFor(ReceiptStat stat)
{
    switch (stat) {
    case ReceiptStat::Delivered: return MessageState::Delivered;
    case ReceiptStat::Expired: return MessageState::Expired;
    case ReceiptStat::Deleted: return MessageState::Deleted;
    case ReceiptStat::Undeliverable: return MessageState::Undeliverable;
    case ReceiptStat::Accepted: return MessageState::Accepted;
    case ReceiptStat::Unknown: return MessageState::Unknown;
    case ReceiptStat::Rejected: return MessageState::Rejected;
    case ReceiptStat::Enroute: return MessageState::Enroute;
    }
    return MessageState::Unknown;
}

QString buildReceiptText(const DeliveryReceipt &receipt)
{
    const QString stat = receipt.statText.isEmpty() ? receiptStatText(receipt.stat) : receipt.statText;
    return QStringLiteral("id:%1 sub:%2 dlvrd:%3 submit date:%4 done date:%5 stat:%6 err:%7 text:%8")
        .arg(receipt.id)
        .arg(receipt.submitted, 3, 10, QLatin1Char('0'))
        .arg(receipt.delivered, 3, 10, QLatin1Char('0'))
        .arg(dateText(receipt.submitDate, receipt.datesWithSeconds),
             dateText(receipt.doneDate, receipt.datesWithSeconds), stat, receipt.error, receipt.text);
}

std::optional<DeliveryReceipt> parseReceiptText(QStringView text)
{
    // A key is a known word followed by a colon, at the start or after a space. "text:" takes the
    // rest of the line, whatever it holds, since it quotes the user's message.
    static const QRegularExpression keyPattern(
        QStringLiteral("(?:^|(?<=\\s))(id|sub|dlvrd|submit[ _]?date|done[ _]?date|stat|err|text)\\s*:"),
        QRegularExpression::CaseInsensitiveOption);

    DeliveryReceipt receipt;
    receipt.error.clear();
    bool hasId = false;
    bool hasStat = false;
    auto matches = keyPattern.globalMatch(text);
    std::optional<QRegularExpressionMatch> current;
    auto take = [&](const QRegularExpressionMatch &match, qsizetype valueEnd) {
        const Key key = keyOf(match.capturedView(1));
        const qsizetype valueStart = match.capturedEnd(0);
        QStringView value = text.sliced(valueStart, valueEnd - valueStart);
        if (key != Key::Text)
            value = value.trimmed();
        bool withSeconds = false;
        switch (key) {
        case Key::Id:
            receipt.id = value.toString();
            hasId = !receipt.id.isEmpty();
            break;
        case Key::Sub: receipt.submitted = value.toInt(); break;
        case Key::Dlvrd: receipt.delivered = value.toInt(); break;
        case Key::SubmitDate: receipt.submitDate = parseDate(value, &withSeconds); break;
        case Key::DoneDate: receipt.doneDate = parseDate(value, &withSeconds); break;
        case Key::Stat:
            receipt.statText = value.toString();
            receipt.stat = receiptStatFromText(value).value_or(ReceiptStat::Unknown);
            hasStat = !value.isEmpty();
            break;
        case Key::Err: receipt.error = value.toString(); break;
        case Key::Text: receipt.text = value.toString(); break;
        }
        if (withSeconds)
            receipt.datesWithSeconds = true;
    };
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (current) {
            if (keyOf(current->capturedView(1)) == Key::Text)
                break; // the text runs to the end, keys inside it included
            take(*current, match.capturedStart(0));
        }
        current = match;
    }
    if (current)
        take(*current, text.size());
    if (!hasId || !hasStat)
        return std::nullopt;
    return receipt;
}

} // namespace backoffice::smpp
