#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

// The GSM 03.38 (3GPP TS 23.038) 7-bit default alphabet and its extension table. Septets are kept
// one per byte ("unpacked", what SMPP carries with data_coding 0); pack()/unpack() convert to and
// from the 7-bit packed form of the air interface.
namespace backoffice::smpp::gsm7 {

// The septet that switches to the extension table for the next septet.
constexpr char Escape = 0x1B;

// Septets a character takes: 1 in the default table, 2 in the extension table (ESC + code), 0 when
// it is in neither.
int septetsFor(QChar c);
bool canEncode(QStringView text);
// Septets the text takes, or -1 when a character is not in the alphabet.
int septetCount(QStringView text);
// Unpacked septets, extension characters as ESC + code; nullopt when a character is not in the alphabet.
std::optional<QByteArray> encode(QStringView text);
// Unpacked septets to text. An ESC before a code the extension table lacks gives the default-table
// character (as 23.038 asks); a trailing ESC gives a space; an octet over 0x7F gives U+FFFD.
QString decode(QByteArrayView septets);

// Packs septets LSB first. fillBits (0-6) zero bits come first, to align the septets after a user
// data header. When the last octet would end with 7 unused bits, they hold CR (23.038 6.1.2.3.1),
// so that the receiver does not read a stray '@'.
QByteArray pack(QByteArrayView septets, int fillBits = 0);
// Unpacks septetCount septets (-1: as many as the octets hold) after fillBits bits.
QByteArray unpack(QByteArrayView packed, int septetCount = -1, int fillBits = 0);
// Fill bits that align septets after a user data header of udhOctets octets (UDHL included).
int fillBitsAfterUdh(int udhOctets);

} // namespace backoffice::smpp::gsm7
