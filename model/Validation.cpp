#include "Validation.h"

#include "Dictionaries.h"

#include <QHash>
#include <QUrl>

#include <algorithm>

namespace backoffice::validation {

namespace {

bool isUpperLetter(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isUpperAlnum(QChar c)
{
    return isUpperLetter(c) || isDigit(c);
}

bool isAsciiAlnum(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'z') || isUpperLetter(c);
}

// IBAN lengths per country from the SWIFT IBAN registry. A country missing here does not issue
// IBANs (or did not when this table was written), so an IBAN claiming it is refused.
const QHash<QString, int> &ibanLengths()
{
    static const QHash<QString, int> lengths = [] {
        struct Entry {
            const char *country;
            int length;
        };
        static constexpr Entry entries[] = {
            {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
            {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
            {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
            {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
            {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
            {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
            {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
            {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
            {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
            {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
            {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
            {"YE", 30},
        };
        QHash<QString, int> table;
        for (const Entry &entry : entries)
            table.insert(QString::fromLatin1(entry.country), entry.length);
        return table;
    }();
    return lengths;
}

// ISO 7064 MOD 97-10 over the rearranged IBAN (country and check digits moved to the end, letters
// as 10..35), computed digit by digit so no big integer is needed.
int ibanRemainder(const QString &iban)
{
    const QString rearranged = iban.mid(4) + iban.left(4);
    int remainder = 0;
    for (const QChar c : rearranged) {
        if (isDigit(c)) {
            remainder = (remainder * 10 + (c.unicode() - u'0')) % 97;
        } else {
            const int value = c.unicode() - u'A' + 10;
            remainder = (remainder * 100 + value) % 97;
        }
    }
    return remainder;
}

// Characters RFC 5322 allows unquoted in a local part ("atext"), besides letters and digits.
bool isLocalPartSymbol(QChar c)
{
    static const QString symbols = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return symbols.contains(c);
}

bool isValidLocalPart(QStringView local)
{
    if (local.isEmpty() || local.size() > 64)
        return false;
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(u".."))
        return false;
    for (const QChar c : local) {
        // Non-ASCII letters are allowed: internationalised addresses (RFC 6531) are in use.
        const bool ok = isAsciiAlnum(c) || c == u'.' || isLocalPartSymbol(c) || (c.unicode() > 127 && c.isLetterOrNumber());
        if (!ok)
            return false;
    }
    return true;
}

bool isValidDomain(const QString &domain)
{
    if (domain.isEmpty() || domain.endsWith(u'.'))
        return false;
    const QString ace = QString::fromLatin1(QUrl::toAce(domain));
    if (ace.isEmpty() || ace.size() > 253)
        return false;
    const QList<QStringView> labels = QStringView(ace).split(u'.');
    if (labels.size() < 2)
        return false;
    for (const QStringView label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (const QChar c : label) {
            if (!isAsciiAlnum(c) && c != u'-')
                return false;
        }
    }
    // A top-level domain is never numeric; this also refuses bare IPv4 addresses.
    const QStringView top = labels.last();
    return top.size() >= 2 && std::any_of(top.begin(), top.end(), [](QChar c) { return !isDigit(c); });
}

} // namespace

bool isValidSwift(const QString &code)
{
    const QString s = code.trimmed();
    if (s.size() != 8 && s.size() != 11)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const bool ok = i < 6 ? isUpperLetter(s[i]) : isUpperAlnum(s[i]);
        if (!ok)
            return false;
    }
    return Dictionaries::instance().isCountry(s.mid(4, 2));
}

QString normalizeIban(const QString &number)
{
    QString out;
    out.reserve(number.size());
    for (const QChar c : number) {
        if (!c.isSpace())
            out += c.toUpper();
    }
    return out;
}

bool looksLikeIban(const QString &number)
{
    const QString iban = normalizeIban(number);
    if (iban.size() < 15 || iban.size() > 34)
        return false;
    if (!isUpperLetter(iban[0]) || !isUpperLetter(iban[1]) || !isDigit(iban[2]) || !isDigit(iban[3]))
        return false;
    return std::all_of(iban.begin() + 4, iban.end(), isUpperAlnum);
}

bool isValidIban(const QString &number)
{
    if (!looksLikeIban(number))
        return false;
    const QString iban = normalizeIban(number);
    const int expectedLength = ibanLengths().value(iban.left(2), 0);
    if (expectedLength != iban.size())
        return false;
    return ibanRemainder(iban) == 1;
}

bool isValidEmail(const QString &address)
{
    const QString s = address.trimmed();
    if (s.isEmpty() || s.size() > 254)
        return false;
    const qsizetype at = s.lastIndexOf(u'@');
    if (at <= 0 || s.indexOf(u'@') != at)
        return false;
    return isValidLocalPart(QStringView(s).left(at)) && isValidDomain(s.mid(at + 1));
}

QStringList invalidEmails(const QString &commaSeparatedList)
{
    QStringList bad;
    const QStringList entries = commaSeparatedList.split(u',');
    for (const QString &entry : entries) {
        const QString trimmed = entry.trimmed();
        if (!trimmed.isEmpty() && !isValidEmail(trimmed))
            bad.append(trimmed);
    }
    return bad;
}

bool isValidPhone(const QString &number)
{
    const QString s = number.trimmed();
    if (!s.startsWith(u'+'))
        return false;
    int digits = 0;
    bool previousWasSeparator = false;
    for (qsizetype i = 1; i < s.size(); ++i) {
        const QChar c = s[i];
        if (isDigit(c)) {
            if (digits == 0 && c == u'0')
                return false; // country calling codes never start with 0
            ++digits;
            previousWasSeparator = false;
        } else if (c == u' ' || c == u'-') {
            // Separators only between digits, one at a time.
            if (digits == 0 || previousWasSeparator)
                return false;
            previousWasSeparator = true;
        } else {
            return false;
        }
    }
    return !previousWasSeparator && digits >= 6 && digits <= 15;
}

} // namespace backoffice::validation
