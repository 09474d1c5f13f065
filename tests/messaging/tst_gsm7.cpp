#include "Gsm7.h"

#include <QTest>

using namespace backoffice::smpp;

namespace {

QByteArray septets(std::initializer_list<char> values)
{
    return QByteArray(values.begin(), qsizetype(values.size()));
}

} // namespace

class Gsm7Test final : public QObject
{
    Q_OBJECT

private slots:
    void packingVectors_data();
    void packingVectors();
    void extensionCharactersTakeAnEscape_data();
    void extensionCharactersTakeAnEscape();
    void defaultTableRoundTrips();
    void detectsWhatDoesNotFit_data();
    void detectsWhatDoesNotFit();
    void decodesOddEscapes();
    void crPadsSevenSpareBits();
    void fillBitsAlignAfterUdh();
    void unpackNeverReadsPastInput();
};

void Gsm7Test::packingVectors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("packedHex");
    QTest::newRow("hellohello") << QStringLiteral("hellohello") << QByteArray("E8329BFD4697D9EC37");
    QTest::newRow("single") << QStringLiteral("A") << QByteArray("41");
    QTest::newRow("eight septets fill seven octets") << QStringLiteral("12345678") << QByteArray("31D98C56B3DD70");
    QTest::newRow("@ is septet 0") << QStringLiteral("@@") << QByteArray("0000");
    QTest::newRow("euro via escape") << QStringLiteral("\u20AC") << QByteArray("9B32");
    QTest::newRow("empty") << QString() << QByteArray();
}

void Gsm7Test::packingVectors()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, packedHex);
    const auto septets = gsm7::encode(text);
    QVERIFY(septets);
    const QByteArray packed = gsm7::pack(*septets);
    QCOMPARE(packed.toHex().toUpper(), packedHex);
    QCOMPARE(gsm7::unpack(packed, int(septets->size())), *septets);
    QCOMPARE(gsm7::decode(gsm7::unpack(packed, int(septets->size()))), text);
}

void Gsm7Test::extensionCharactersTakeAnEscape_data()
{
    QTest::addColumn<QString>("character");
    QTest::addColumn<char>("code");
    QTest::newRow("^") << QStringLiteral("^") << char(0x14);
    QTest::newRow("{") << QStringLiteral("{") << char(0x28);
    QTest::newRow("}") << QStringLiteral("}") << char(0x29);
    QTest::newRow("\\") << QStringLiteral("\\") << char(0x2F);
    QTest::newRow("[") << QStringLiteral("[") << char(0x3C);
    QTest::newRow("~") << QStringLiteral("~") << char(0x3D);
    QTest::newRow("]") << QStringLiteral("]") << char(0x3E);
    QTest::newRow("|") << QStringLiteral("|") << char(0x40);
    QTest::newRow("euro") << QStringLiteral("\u20AC") << char(0x65);
    QTest::newRow("form feed") << QStringLiteral("\f") << char(0x0A);
}

void Gsm7Test::extensionCharactersTakeAnEscape()
{
    QFETCH(QString, character);
    QFETCH(char, code);
    QCOMPARE(gsm7::encode(character), septets({gsm7::Escape, code}));
    QCOMPARE(gsm7::septetsFor(character.at(0)), 2);
    QCOMPARE(gsm7::septetCount(QString(QStringLiteral("a") + character)), 3);
    QCOMPARE(gsm7::decode(septets({'a', gsm7::Escape, code})), QString(QStringLiteral("a") + character));
}

void Gsm7Test::defaultTableRoundTrips()
{
    for (int septet = 0; septet < 128; ++septet) {
        if (septet == gsm7::Escape)
            continue;
        const QByteArray one(1, char(septet));
        const QString text = gsm7::decode(one);
        QCOMPARE(text.size(), 1);
        QCOMPARE(gsm7::encode(text), one);
    }
    QCOMPARE(gsm7::decode(QByteArray::fromHex("01 10 1C 5F 60 7F")), QStringLiteral("£ΔÆ§¿à"));
}

void Gsm7Test::detectsWhatDoesNotFit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("septets");
    QTest::newRow("plain") << QStringLiteral("Your code is 4711") << 17;
    QTest::newRow("greek capitals") << QStringLiteral("ΔΦΓΛΩΠΨΣΘΞ") << 10;
    QTest::newRow("line breaks") << QStringLiteral("a\r\nb") << 4;
    QTest::newRow("cyrillic") << QStringLiteral("Привет") << -1;
    QTest::newRow("lower c cedilla is not Ç") << QStringLiteral("ç") << -1;
    QTest::newRow("backtick") << QStringLiteral("`") << -1;
    QTest::newRow("emoji") << QStringLiteral("ok 😀") << -1;
    QTest::newRow("tab") << QStringLiteral("\t") << -1;
}

void Gsm7Test::detectsWhatDoesNotFit()
{
    QFETCH(QString, text);
    QFETCH(int, septets);
    QCOMPARE(gsm7::septetCount(text), septets);
    QCOMPARE(gsm7::canEncode(text), septets >= 0);
    QCOMPARE(gsm7::encode(text).has_value(), septets >= 0);
}

void Gsm7Test::decodesOddEscapes()
{
    // ESC before a code the extension table lacks shows the default character (23.038 6.2.1.1).
    QCOMPARE(gsm7::decode(septets({gsm7::Escape, 'A'})), QStringLiteral("A"));
    QCOMPARE(gsm7::decode(septets({'a', gsm7::Escape})), QStringLiteral("a "));
    QCOMPARE(gsm7::decode(QByteArray::fromHex("41 80")), QStringLiteral("A\uFFFD"));
}

void Gsm7Test::crPadsSevenSpareBits()
{
    // Seven septets fill 49 of 56 bits: the spare septet is CR, not '@'.
    const QByteArray packed = gsm7::pack(*gsm7::encode(u"1234567"));
    QCOMPARE(packed.size(), 7);
    QCOMPARE(gsm7::unpack(packed).size(), 8);
    QCOMPARE(gsm7::unpack(packed).at(7), '\r');
    QCOMPARE(gsm7::unpack(packed, 7), *gsm7::encode(u"1234567"));
}

void Gsm7Test::fillBitsAlignAfterUdh()
{
    QCOMPARE(gsm7::fillBitsAfterUdh(6), 1); // 48 bits: one fill bit to reach 49
    QCOMPARE(gsm7::fillBitsAfterUdh(7), 0); // 56 bits are 8 septets
    QCOMPARE(gsm7::fillBitsAfterUdh(0), 0);
    const QByteArray septets = *gsm7::encode(u"hellohello");
    const QByteArray packed = gsm7::pack(septets, 1);
    QCOMPARE(packed.size(), 9); // 71 bits
    QCOMPARE(quint8(packed[0]) & 1, 0);
    QCOMPARE(gsm7::unpack(packed, int(septets.size()), 1), septets);
}

void Gsm7Test::unpackNeverReadsPastInput()
{
    QCOMPARE(gsm7::unpack(QByteArray(), 10), QByteArray());
    QCOMPARE(gsm7::unpack(QByteArray(1, '\xFF'), 10, 6), QByteArray());
    QCOMPARE(gsm7::unpack(QByteArray(2, '\xFF'), 10).size(), 2);
}

QTEST_GUILESS_MAIN(Gsm7Test)
#include "tst_gsm7.moc"
