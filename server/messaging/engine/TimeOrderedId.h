#pragma once

#include <QDateTime>
#include <QString>

namespace backoffice::server {

// A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits, written as the
// usual 36 characters. Message and transaction ids are keys of EDR indexes; random (version 4)
// keys land on a different index page each, so every group commit rewrote hundreds of scattered
// pages, while ids that grow with time append to the last pages. Thread-safe.
QString newTimeOrderedId(const QDateTime &at = QDateTime::currentDateTimeUtc());

} // namespace backoffice::server
