#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <compare>
#include <optional>

namespace backoffice {

// An exact amount of money (or a rate) as a signed count of micro-units: six fractional digits, so
// per-message rates such as 0.00421 or 0.0289 are held exactly. Never converted through double.
// The currency travels next to the amount (ISO 4217 code on the owning record), not inside it.
//
// Arithmetic comes in two flavours. The static add/subtract/multiply functions report overflow and
// are what code handling outside input uses. The operators and multipliedBy() treat overflow as a
// programming error and stop the process (qFatal) rather than produce a wrong sum: with a range of
// about ±9.2 trillion units it can only be reached by values that never went through a bound check.
class Amount final
{
public:
    static constexpr int Decimals = 6;
    static constexpr qint64 Scale = 1000000;

    enum class Rounding {
        HalfUp,   // half away from zero: 2.5 -> 3, -2.5 -> -3 (what invoices use)
        HalfEven, // half to the even neighbour: 2.5 -> 2, 3.5 -> 4 (banker's rounding)
        Down,     // toward zero: 2.9 -> 2, -2.9 -> -2
    };

    Amount() = default;
    static Amount fromMicros(qint64 micros);
    qint64 micros() const { return m_micros; }

    // Accepts an optional sign, at least one digit, and optionally '.' followed by one to six digits
    // ("1500", "-0.00421", "+3.5"); surrounding white space is ignored. Anything else (grouping
    // separators, a comma, an exponent, letters, more than six decimals, an empty string, a value
    // beyond the range) is refused with a message in *error.
    static std::optional<Amount> parse(QStringView text, QString *error = nullptr);

    // Plain decimal text with at least minDecimals (0..6) and at most six decimals, trailing zeros
    // beyond minDecimals dropped: "1500.00", "0.00421", "-3.50". parse(toString()) gives the same amount.
    QString toString(int minDecimals = 2) const;

    bool isZero() const { return m_micros == 0; }
    bool isNegative() const { return m_micros < 0; }

    // Checked arithmetic: false (and *out untouched) when the result does not fit.
    static bool add(Amount a, Amount b, Amount *out);
    static bool subtract(Amount a, Amount b, Amount *out);
    static bool multiply(Amount a, qint64 quantity, Amount *out);
    // a × factor (both fixed point, e.g. a price times a tax rate of 0.21), rounded to six decimals.
    static bool multiplyByFactor(Amount a, Amount factor, Amount *out, Rounding mode = Rounding::HalfUp);

    Amount multipliedBy(qint64 quantity) const;
    // The amount rounded to `decimals` (0..6) fractional digits; the result still has six decimals
    // of storage, the ones past `decimals` are zero.
    Amount rounded(int decimals, Rounding mode = Rounding::HalfUp) const;

    Amount operator+(Amount other) const;
    Amount operator-(Amount other) const;
    Amount operator-() const;
    Amount &operator+=(Amount other);
    Amount &operator-=(Amount other);

    friend bool operator==(Amount a, Amount b) = default;
    friend std::strong_ordering operator<=>(Amount a, Amount b) = default;

private:
    explicit Amount(qint64 micros) : m_micros(micros) {}

    qint64 m_micros = 0;
};

} // namespace backoffice
