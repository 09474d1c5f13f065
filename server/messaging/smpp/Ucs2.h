#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

// data_coding 8. Handsets and SMSCs treat it as UTF-16 big-endian: characters outside the BMP
// (emoji) travel as surrogate pairs and count as two units of the 70/67 per message.
namespace backoffice::smpp::ucs2 {

QByteArray encode(QStringView text);
// A trailing odd octet (a broken peer) becomes U+FFFD rather than being dropped silently.
QString decode(QByteArrayView bytes);
// 16-bit units the text takes: QString is UTF-16 already, so a surrogate pair counts two.
inline qsizetype unitCount(QStringView text)
{
    return text.size();
}

} // namespace backoffice::smpp::ucs2
