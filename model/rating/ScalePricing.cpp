#include "ScalePricing.h"

#include <algorithm>

namespace backoffice::rating::ScalePricing {

int bandIndexForUnit(const QList<ScaleBand> &bands, qint64 unit)
{
    // First band whose start is above the unit; the one before it holds the unit.
    const auto above = std::upper_bound(bands.cbegin(), bands.cend(), unit,
                                        [](qint64 value, const ScaleBand &band) { return value < band.from; });
    return std::max(0, int(above - bands.cbegin()) - 1);
}

int bandIndexReached(const QList<ScaleBand> &bands, qint64 volume)
{
    return bandIndexForUnit(bands, volume > 0 ? volume - 1 : 0);
}

bool tierAmount(const QList<ScaleBand> &bands, qint64 volumeBefore, qint64 quantity, Amount *out)
{
    if (bands.isEmpty() || volumeBefore < 0 || quantity < 0)
        return false;
    qint64 end = 0;
    if (__builtin_add_overflow(volumeBefore, quantity, &end))
        return false;
    Amount total;
    qint64 unit = volumeBefore;
    for (int band = bandIndexForUnit(bands, unit); unit < end; ++band) {
        const qint64 bandEnd = band + 1 < bands.size() ? std::min(end, bands[band + 1].from) : end;
        Amount part;
        if (!Amount::multiply(bands[band].price, bandEnd - unit, &part) || !Amount::add(total, part, &total))
            return false;
        unit = bandEnd;
    }
    *out = total;
    return true;
}

bool backToFirstPeriodTotal(const QList<ScaleBand> &bands, qint64 volume, Amount *out)
{
    if (bands.isEmpty() || volume < 0)
        return false;
    return Amount::multiply(bands[bandIndexReached(bands, volume)].price, volume, out);
}

bool backToFirstCharge(const QList<ScaleBand> &bands, qint64 volumeBefore, qint64 quantity, Amount *amount,
                       Amount *adjustment)
{
    qint64 after = 0;
    if (bands.isEmpty() || volumeBefore < 0 || quantity < 0 || __builtin_add_overflow(volumeBefore, quantity, &after))
        return false;
    Amount totalBefore, totalAfter, charge, difference;
    if (!backToFirstPeriodTotal(bands, volumeBefore, &totalBefore) || !backToFirstPeriodTotal(bands, after, &totalAfter)
        || !Amount::multiply(bands[bandIndexReached(bands, after)].price, quantity, &charge)
        || !Amount::subtract(totalAfter, totalBefore, &difference)
        || !Amount::subtract(difference, charge, &difference))
        return false;
    *amount = charge;
    *adjustment = difference;
    return true;
}

} // namespace backoffice::rating::ScalePricing
