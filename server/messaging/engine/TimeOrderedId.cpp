#include "TimeOrderedId.h"

#include <QRandomGenerator>
#include <QUuid>

namespace backoffice::server {

QString newTimeOrderedId(const QDateTime &at)
{
    const quint64 millis = quint64(at.toMSecsSinceEpoch()) & 0xFFFFFFFFFFFFULL;
    // The system generator is seeded from the OS and safe to share between threads.
    quint64 random[2];
    QRandomGenerator::system()->fillRange(random);
    const quint64 high = (millis << 16) | 0x7000 | (random[0] & 0x0FFF);             // time, version 7, rand_a
    const quint64 low = 0x8000000000000000ULL | (random[1] & 0x3FFFFFFFFFFFFFFFULL); // variant 10, rand_b
    uchar bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = uchar(high >> (56 - 8 * i));
        bytes[8 + i] = uchar(low >> (56 - 8 * i));
    }
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), 16)).toString(QUuid::WithoutBraces);
}

} // namespace backoffice::server
