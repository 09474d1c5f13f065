#pragma once

#include "RatingTypes.h"

namespace backoffice::rating {

// The arithmetic of volume scales, pure and exact. Units in a period are numbered from 0; unit n
// belongs to the band with the largest `from` not above n. The functions assume bands that passed
// validation (first from 0, strictly increasing) and return false on overflow or negative input.
//
// Worked example (threshold 1,000, price 1 then 2, 1,050 units in the period):
//   tier          1,000 × 1 + 50 × 2 = 1,100
//   back-to-first 1,050 × 2          = 2,100
namespace ScalePricing {

// Index (0-based) of the band that unit number `unit` falls into.
int bandIndexForUnit(const QList<ScaleBand> &bands, qint64 unit);
// The band the period has reached once `volume` units are counted (the band of the last unit;
// the first band while the period is empty).
int bandIndexReached(const QList<ScaleBand> &bands, qint64 volume);

// Tier: the price of `quantity` more units when `volumeBefore` are already counted, each unit at
// its own band (a charge may cross several bands).
bool tierAmount(const QList<ScaleBand> &bands, qint64 volumeBefore, qint64 quantity, Amount *out);

// Back-to-first: what the period total must be once `volume` units are counted, every unit at
// the price of the band reached.
bool backToFirstPeriodTotal(const QList<ScaleBand> &bands, qint64 volume, Amount *out);

// Back-to-first, one charge: the new units at the band reached (*amount) and the correction to
// the `volumeBefore` units already priced (*adjustment = total(after) - total(before) - *amount;
// zero unless the charge moves the period into another band).
bool backToFirstCharge(const QList<ScaleBand> &bands, qint64 volumeBefore, qint64 quantity, Amount *amount,
                       Amount *adjustment);

} // namespace ScalePricing

} // namespace backoffice::rating
