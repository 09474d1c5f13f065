#include "Amount.h"

#include <QCoreApplication>
#include <limits>

namespace backoffice {

namespace {

constexpr qint64 powerOfTen(int exponent)
{
    qint64 value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::Amount", text);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

quint64 magnitude(qint64 value)
{
    // Well defined for the minimum too: the conversion to unsigned wraps modulo 2^64.
    return value < 0 ? 0 - quint64(value) : quint64(value);
}

[[noreturn]] void overflow(const char *operation)
{
    qFatal("backoffice::Amount: overflow in %s", operation);
}

// Rounds |value| / divisor to an integer by `mode`; the sign is applied by the caller. Working on
// the magnitude keeps "half up" meaning "half away from zero" for negative amounts as well.
quint64 roundQuotient(quint64 value, quint64 divisor, Amount::Rounding mode)
{
    const quint64 quotient = value / divisor;
    const quint64 remainder = value % divisor;
    if (remainder == 0 || mode == Amount::Rounding::Down)
        return quotient;
    const quint64 twice = remainder * 2; // remainder < divisor <= 10^18: no overflow
    if (twice > divisor)
        return quotient + 1;
    if (twice < divisor)
        return quotient;
    if (mode == Amount::Rounding::HalfUp)
        return quotient + 1;
    return quotient % 2 == 0 ? quotient : quotient + 1;
}

} // namespace

Amount Amount::fromMicros(qint64 micros)
{
    return Amount(micros);
}

std::optional<Amount> Amount::parse(QStringView text, QString *error)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty()) {
        setError(error, tr("An amount is required"));
        return std::nullopt;
    }
    qsizetype i = 0;
    bool negative = false;
    if (s[0] == u'-' || s[0] == u'+') {
        negative = s[0] == u'-';
        ++i;
    }
    const auto isDigit = [](QChar c) { return c >= u'0' && c <= u'9'; };
    const auto invalid = [&]() {
        setError(error, tr("\"%1\" is not an amount: use digits with an optional '.' and up to %2 decimals, "
                           "for example 1500.50")
                            .arg(text.toString())
                            .arg(Decimals));
        return std::nullopt;
    };

    // Accumulate the magnitude in micro-units as unsigned, so the most negative value parses too.
    const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                   : quint64(std::numeric_limits<qint64>::max());
    quint64 units = 0;
    const qsizetype integerStart = i;
    bool tooLarge = false;
    for (; i < s.size() && isDigit(s[i]); ++i) {
        const unsigned digit = s[i].unicode() - u'0';
        if (units > (limit / Scale - digit) / 10)
            tooLarge = true; // keep scanning so malformed text still gets the syntax message
        else
            units = units * 10 + digit;
    }
    if (i == integerStart)
        return invalid();

    quint64 fraction = 0;
    if (i < s.size() && s[i] == u'.') {
        ++i;
        const qsizetype fractionStart = i;
        for (; i < s.size() && isDigit(s[i]); ++i) {
            if (i - fractionStart < Decimals)
                fraction = fraction * 10 + (s[i].unicode() - u'0');
        }
        const qsizetype fractionDigits = i - fractionStart;
        if (fractionDigits == 0)
            return invalid();
        if (i == s.size() && fractionDigits > Decimals) {
            setError(error, tr("\"%1\" has more than %2 decimals").arg(text.toString()).arg(Decimals));
            return std::nullopt;
        }
        fraction *= quint64(powerOfTen(Decimals - int(qMin<qsizetype>(fractionDigits, Decimals))));
    }
    if (i != s.size())
        return invalid();

    if (tooLarge || units > limit / Scale || units * Scale > limit - fraction) {
        setError(error, tr("\"%1\" is outside the range of amounts").arg(text.toString()));
        return std::nullopt;
    }
    const quint64 total = units * quint64(Scale) + fraction;
    // For the negative minimum, total == 2^63: negating through unsigned arithmetic lands on it exactly.
    const qint64 micros = negative ? qint64(0 - total) : qint64(total);
    return Amount(micros);
}

QString Amount::toString(int minDecimals) const
{
    minDecimals = qBound(0, minDecimals, int(Decimals));
    const quint64 value = magnitude(m_micros);
    QString out;
    if (m_micros < 0)
        out += u'-';
    out += QString::number(value / quint64(Scale));

    QString fraction = QString::number(value % quint64(Scale)).rightJustified(Decimals, u'0');
    qsizetype keep = Decimals;
    while (keep > minDecimals && fraction[keep - 1] == u'0')
        --keep;
    if (keep > 0) {
        out += u'.';
        out += QStringView(fraction).left(keep);
    }
    return out;
}

bool Amount::add(Amount a, Amount b, Amount *out)
{
    qint64 result;
    if (__builtin_add_overflow(a.m_micros, b.m_micros, &result))
        return false;
    *out = Amount(result);
    return true;
}

bool Amount::subtract(Amount a, Amount b, Amount *out)
{
    qint64 result;
    if (__builtin_sub_overflow(a.m_micros, b.m_micros, &result))
        return false;
    *out = Amount(result);
    return true;
}

bool Amount::multiply(Amount a, qint64 quantity, Amount *out)
{
    qint64 result;
    if (__builtin_mul_overflow(a.m_micros, quantity, &result))
        return false;
    *out = Amount(result);
    return true;
}

bool Amount::multiplyByFactor(Amount a, Amount factor, Amount *out, Rounding mode)
{
    // The exact product has twelve decimals; 128 bits hold it for any two amounts.
    const __int128 product = __int128(a.m_micros) * __int128(factor.m_micros);
    const bool negative = product < 0;
    const unsigned __int128 absolute = negative ? 0 - (unsigned __int128)product : (unsigned __int128)product;
    unsigned __int128 quotient = absolute / Scale;
    const unsigned __int128 remainder = absolute % Scale;
    if (remainder != 0 && mode != Rounding::Down) {
        const unsigned __int128 twice = remainder * 2;
        if (twice > unsigned(Scale) || (twice == unsigned(Scale) && (mode == Rounding::HalfUp || quotient % 2 == 1)))
            ++quotient;
    }
    const unsigned __int128 limit = negative ? (unsigned __int128)std::numeric_limits<qint64>::max() + 1
                                             : (unsigned __int128)std::numeric_limits<qint64>::max();
    if (quotient > limit)
        return false;
    *out = Amount(negative ? qint64(0 - quint64(quotient)) : qint64(quint64(quotient)));
    return true;
}

Amount Amount::multipliedBy(qint64 quantity) const
{
    Amount result;
    if (!multiply(*this, quantity, &result))
        overflow("multipliedBy");
    return result;
}

Amount Amount::rounded(int decimals, Rounding mode) const
{
    decimals = qBound(0, decimals, int(Decimals));
    const quint64 step = quint64(powerOfTen(Decimals - decimals));
    if (step == 1)
        return *this;
    const quint64 steps = roundQuotient(magnitude(m_micros), step, mode);
    const quint64 limit = m_micros < 0 ? quint64(std::numeric_limits<qint64>::max()) + 1
                                       : quint64(std::numeric_limits<qint64>::max());
    if (steps > limit / step)
        overflow("rounded");
    const quint64 value = steps * step;
    return Amount(m_micros < 0 ? qint64(0 - value) : qint64(value));
}

Amount Amount::operator+(Amount other) const
{
    Amount result;
    if (!add(*this, other, &result))
        overflow("operator+");
    return result;
}

Amount Amount::operator-(Amount other) const
{
    Amount result;
    if (!subtract(*this, other, &result))
        overflow("operator-");
    return result;
}

Amount Amount::operator-() const
{
    if (m_micros == std::numeric_limits<qint64>::min())
        overflow("negation");
    return Amount(-m_micros);
}

Amount &Amount::operator+=(Amount other)
{
    *this = *this + other;
    return *this;
}

Amount &Amount::operator-=(Amount other)
{
    *this = *this - other;
    return *this;
}

} // namespace backoffice
