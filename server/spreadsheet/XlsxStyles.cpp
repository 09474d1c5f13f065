#include "XlsxStyles.h"

#include <QDate>
#include <QHash>
#include <QXmlStreamReader>
#include <cmath>

namespace backoffice::spreadsheet {

using namespace Qt::StringLiterals;

namespace {

// The number formats built into Excel (ECMA-376 part 1, 18.8.30) that show dates or times. They
// appear in styles.xml only by id. 27..36 and 50..58 are the East Asian date formats.
DateKind builtInKind(int id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return DateKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
        return DateKind::Time;
    if (id == 22)
        return DateKind::DateTime;
    return DateKind::None;
}

} // namespace

DateKind dateKindOfFormat(QStringView formatCode)
{
    bool year = false, day = false, month = false, hour = false, second = false;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar c = formatCode[i].toLower();
        if (c == u';') // only the first section (positive numbers) matters
            break;
        if (c == u'"') { // literal text
            i = formatCode.indexOf(u'"', i + 1);
            if (i < 0)
                break;
        } else if (c == u'\\' || c == u'_' || c == u'*') { // an escaped, spacing or fill character
            ++i;
        } else if (c == u'[') { // colour, condition or locale, except the elapsed time [h] [mm] [ss]
            const qsizetype close = formatCode.indexOf(u']', i);
            const QStringView inside = formatCode.sliced(i + 1, (close < 0 ? formatCode.size() : close) - i - 1);
            if (!inside.isEmpty() && inside.count(inside.front()) == inside.size()) {
                const QChar unit = inside.front().toLower();
                hour = hour || unit == u'h';
                second = second || unit == u's' || unit == u'm';
            }
            if (close < 0)
                break;
            i = close;
        } else {
            year = year || c == u'y';
            day = day || c == u'd';
            month = month || c == u'm';
            hour = hour || c == u'h';
            second = second || c == u's';
        }
    }
    // "m" is the month in a date and the minutes next to hours or seconds.
    const bool date = year || day || (month && !hour && !second);
    const bool time = hour || second;
    if (date && time)
        return DateKind::DateTime;
    if (date)
        return DateKind::Date;
    return time ? DateKind::Time : DateKind::None;
}

void XlsxStyles::read(QXmlStreamReader &xml)
{
    QHash<int, DateKind> customFormats;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"numFmt") {
            const auto attributes = xml.attributes();
            customFormats.insert(attributes.value("numFmtId"_L1).toInt(),
                                 dateKindOfFormat(attributes.value("formatCode"_L1)));
        } else if (xml.name() == u"cellXfs") {
            // <xf> also appears in <cellStyleXfs>; only the ones in <cellXfs> are what s= indexes.
            while (xml.readNextStartElement()) {
                if (xml.name() == u"xf") {
                    const int id = xml.attributes().value("numFmtId"_L1).toInt();
                    m_styleKinds.append(customFormats.contains(id) ? customFormats.value(id) : builtInKind(id));
                }
                xml.skipCurrentElement();
            }
        }
    }
}

DateKind XlsxStyles::dateKind(int styleIndex) const
{
    return styleIndex >= 0 && styleIndex < m_styleKinds.size() ? m_styleKinds.at(styleIndex) : DateKind::None;
}

std::optional<QString> serialDateText(double serial, DateKind kind, bool date1904)
{
    if (!(serial >= 0) || serial > 2958465.99999) // 2958465 is 9999-12-31
        return std::nullopt;
    qint64 days = qint64(std::floor(serial));
    qint64 seconds = std::llround((serial - double(days)) * 86400.0);
    if (seconds >= 86400) {
        ++days;
        seconds -= 86400;
    }
    QString date;
    if (date1904) {
        date = QDate(1904, 1, 1).addDays(days).toString(Qt::ISODate);
    } else if (days == 60) {
        // Excel keeps Lotus 1-2-3's leap day 1900-02-29, which never was; it shows that text.
        date = QStringLiteral("1900-02-29");
    } else {
        // Day 1 is 1900-01-01; past the phantom leap day everything is one day later than counted.
        date = QDate(1899, 12, days < 60 ? 31 : 30).addDays(days).toString(Qt::ISODate);
    }
    const qint64 hours = seconds / 3600 + (kind == DateKind::Time ? days * 24 : 0); // [h] durations
    const QString time = QStringLiteral("%1:%2:%3")
                             .arg(hours, 2, 10, QChar(u'0'))
                             .arg(seconds / 60 % 60, 2, 10, QChar(u'0'))
                             .arg(seconds % 60, 2, 10, QChar(u'0'));
    switch (kind) {
    case DateKind::Date: return date;
    case DateKind::Time: return time;
    case DateKind::DateTime: return date + u' ' + time;
    case DateKind::None: break;
    }
    return std::nullopt;
}

} // namespace backoffice::spreadsheet
