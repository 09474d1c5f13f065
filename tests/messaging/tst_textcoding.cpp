#include "Latin1.h"
#include "TextCoding.h"
#include "Ucs2.h"

#include <QTest>

using namespace backoffice::smpp;

class TextCodingTest final : public QObject
{
    Q_OBJECT

private slots:
    void ucs2IsBigEndianUtf16();
    void ucs2OddOctetIsVisible();
    void latin1RefusesWhatItCannotHold();
    void choosesGsm7ElseUcs2_data();
    void choosesGsm7ElseUcs2();
    void dataCodingNamesAnEncoding_data();
    void dataCodingNamesAnEncoding();
    void decodesByDataCoding();
};

void TextCodingTest::ucs2IsBigEndianUtf16()
{
    QCOMPARE(ucs2::encode(u"Привет").toHex(), QByteArray("041f04400438043204350442"));
    const QString emoji = QStringLiteral("a😀");
    QCOMPARE(ucs2::encode(emoji).toHex(), QByteArray("0061d83dde00"));
    QCOMPARE(ucs2::unitCount(emoji), 3); // the surrogate pair counts two
    QCOMPARE(ucs2::decode(QByteArray::fromHex("0061d83dde00")), emoji);
}

void TextCodingTest::ucs2OddOctetIsVisible()
{
    QCOMPARE(ucs2::decode(QByteArray::fromHex("004100")), QStringLiteral("A\uFFFD"));
    QCOMPARE(ucs2::decode(QByteArray()), QString());
}

void TextCodingTest::latin1RefusesWhatItCannotHold()
{
    QCOMPARE(latin1::encode(u"café"), QByteArray("caf\xe9"));
    QVERIFY(!latin1::encode(u"5 €"));
    QVERIFY(!latin1::canEncode(u"Привет"));
    QCOMPARE(latin1::decode("caf\xe9"), QStringLiteral("café"));
}

void TextCodingTest::choosesGsm7ElseUcs2_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::newRow("ascii") << QStringLiteral("Hello") << TextEncoding::Gsm7;
    QTest::newRow("extension table") << QStringLiteral("{5 €}") << TextEncoding::Gsm7;
    QTest::newRow("accents in the alphabet") << QStringLiteral("Café à Malmö") << TextEncoding::Gsm7;
    QTest::newRow("accent outside it") << QStringLiteral("Crème brûlée") << TextEncoding::Ucs2;
    QTest::newRow("cyrillic") << QStringLiteral("Привет") << TextEncoding::Ucs2;
    QTest::newRow("emoji") << QStringLiteral("👍") << TextEncoding::Ucs2;
}

void TextCodingTest::choosesGsm7ElseUcs2()
{
    QFETCH(QString, text);
    QFETCH(TextEncoding, encoding);
    QCOMPARE(chooseEncoding(text), encoding);
    QVERIFY(encodeText(text, encoding));
}

void TextCodingTest::dataCodingNamesAnEncoding_data()
{
    QTest::addColumn<int>("dataCoding");
    QTest::addColumn<int>("encoding"); // -1: no text encoding
    QTest::newRow("0 SMSC default") << 0x00 << int(TextEncoding::Gsm7);
    QTest::newRow("1 IA5") << 0x01 << int(TextEncoding::Latin1);
    QTest::newRow("2 binary") << 0x02 << -1;
    QTest::newRow("3 Latin-1") << 0x03 << int(TextEncoding::Latin1);
    QTest::newRow("4 binary") << 0x04 << -1;
    QTest::newRow("6 Cyrillic") << 0x06 << -1;
    QTest::newRow("8 UCS-2") << 0x08 << int(TextEncoding::Ucs2);
    QTest::newRow("0x10 general, GSM-7 class 0") << 0x10 << int(TextEncoding::Gsm7);
    QTest::newRow("0x18 general, UCS-2") << 0x18 << int(TextEncoding::Ucs2);
    QTest::newRow("0x14 general, 8-bit") << 0x14 << -1;
    QTest::newRow("0x30 compressed") << 0x30 << -1;
    QTest::newRow("0xF0 class, GSM-7 flash") << 0xF0 << int(TextEncoding::Gsm7);
    QTest::newRow("0xF5 class, 8-bit") << 0xF5 << -1;
}

void TextCodingTest::dataCodingNamesAnEncoding()
{
    QFETCH(int, dataCoding);
    QFETCH(int, encoding);
    const auto found = encodingOf(quint8(dataCoding));
    QCOMPARE(found ? int(*found) : -1, encoding);
}

void TextCodingTest::decodesByDataCoding()
{
    QCOMPARE(decodeText("Hello", 0), QStringLiteral("Hello"));
    QCOMPARE(decodeText("caf\xe9", 0, TextEncoding::Latin1), QStringLiteral("café"));
    QCOMPARE(decodeText(QByteArray::fromHex("041f"), 8), QStringLiteral("П"));
    QVERIFY(!decodeText("\x01\x02", 4));
    QCOMPARE(dataCodingFor(TextEncoding::Ucs2), quint8(8));
    QCOMPARE(dataCodingFor(TextEncoding::Latin1), quint8(3));
    QCOMPARE(dataCodingFor(TextEncoding::Gsm7), quint8(0));
}

QTEST_GUILESS_MAIN(TextCodingTest)
#include "tst_textcoding.moc"
