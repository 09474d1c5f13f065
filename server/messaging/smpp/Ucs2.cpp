#include "Ucs2.h"

#include <QtEndian>

namespace backoffice::smpp::ucs2 {

QByteArray encode(QStringView text)
{
    QByteArray bytes(text.size() * 2, Qt::Uninitialized);
    char *out = bytes.data();
    for (QChar c : text) {
        qToBigEndian(c.unicode(), out);
        out += 2;
    }
    return bytes;
}

QString decode(QByteArrayView bytes)
{
    QString text;
    text.reserve(bytes.size() / 2 + 1);
    const qsizetype pairs = bytes.size() / 2;
    for (qsizetype i = 0; i < pairs; ++i)
        text.append(QChar(qFromBigEndian<quint16>(bytes.data() + 2 * i)));
    if (bytes.size() % 2)
        text.append(QChar::ReplacementCharacter);
    return text;
}

} // namespace backoffice::smpp::ucs2
