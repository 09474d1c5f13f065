#include "Latin1.h"

namespace backoffice::smpp::latin1 {

bool canEncode(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() > 0xFF)
            return false;
    }
    return true;
}

std::optional<QByteArray> encode(QStringView text)
{
    if (!canEncode(text))
        return std::nullopt;
    return text.toLatin1();
}

QString decode(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.data(), bytes.size());
}

} // namespace backoffice::smpp::latin1
