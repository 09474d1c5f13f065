#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

// data_coding 3: ISO-8859-1, one octet per character, 140 per message.
namespace backoffice::smpp::latin1 {

bool canEncode(QStringView text);
// nullopt when a character lies above U+00FF: QString::toLatin1() would turn it into '?'.
std::optional<QByteArray> encode(QStringView text);
QString decode(QByteArrayView bytes);

} // namespace backoffice::smpp::latin1
