#include "Gsm7.h"
#include "Segmenter.h"

#include <QTest>

using namespace backoffice::smpp;

namespace {

QByteArray septets(std::initializer_list<char> values)
{
    return QByteArray(values.begin(), qsizetype(values.size()));
}

QString repeat(const QString &piece, int times)
{
    return piece.repeated(times);
}

} // namespace

class SegmenterTest final : public QObject
{
    Q_OBJECT

private slots:
    void countsAtTheBoundaries_data();
    void countsAtTheBoundaries();
    void sixteenBitReferenceLeavesOneOctetLess();
    void splitMatchesTheCount_data();
    void splitMatchesTheCount();
    void neverCutsAnEscapePair();
    void neverCutsASurrogatePair();
    void refusesTextOutsideTheEncoding();
};

void SegmenterTest::countsAtTheBoundaries_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("parts");

    const QString a = QStringLiteral("a");
    const QString euro = QStringLiteral("\u20AC");
    const QString ya = QStringLiteral("я");
    const QString e = QStringLiteral("é");
    QTest::newRow("empty") << QString() << TextEncoding::Gsm7 << 0 << 1;
    QTest::newRow("gsm7 160") << repeat(a, 160) << TextEncoding::Gsm7 << 160 << 1;
    QTest::newRow("gsm7 161") << repeat(a, 161) << TextEncoding::Gsm7 << 161 << 2;
    QTest::newRow("gsm7 153x2") << repeat(a, 306) << TextEncoding::Gsm7 << 306 << 2;
    QTest::newRow("gsm7 153x2+1") << repeat(a, 307) << TextEncoding::Gsm7 << 307 << 3;
    QTest::newRow("gsm7 80 euros are 160 septets") << repeat(euro, 80) << TextEncoding::Gsm7 << 160 << 1;
    QTest::newRow("gsm7 159 + euro is 161") << repeat(a, 159) + euro << TextEncoding::Gsm7 << 161 << 2;
    // 153 septets hold 76 euros and one spare septet: 77 euros per two parts would need 154.
    QTest::newRow("gsm7 153 euros") << repeat(euro, 153) << TextEncoding::Gsm7 << 306 << 3;
    QTest::newRow("ucs2 70") << repeat(ya, 70) << TextEncoding::Ucs2 << 70 << 1;
    QTest::newRow("ucs2 71") << repeat(ya, 71) << TextEncoding::Ucs2 << 71 << 2;
    QTest::newRow("ucs2 67x2") << repeat(ya, 134) << TextEncoding::Ucs2 << 134 << 2;
    QTest::newRow("ucs2 67x2+1") << repeat(ya, 135) << TextEncoding::Ucs2 << 135 << 3;
    QTest::newRow("ucs2 35 emoji are 70 units") << repeat(QStringLiteral("😀"), 35) << TextEncoding::Ucs2 << 70 << 1;
    QTest::newRow("ucs2 36 emoji") << repeat(QStringLiteral("😀"), 36) << TextEncoding::Ucs2 << 72 << 2;
    QTest::newRow("latin1 140") << repeat(e, 140) << TextEncoding::Latin1 << 140 << 1;
    QTest::newRow("latin1 141") << repeat(e, 141) << TextEncoding::Latin1 << 141 << 2;
    QTest::newRow("latin1 134x2+1") << repeat(e, 269) << TextEncoding::Latin1 << 269 << 3;
}

void SegmenterTest::countsAtTheBoundaries()
{
    QFETCH(QString, text);
    QFETCH(TextEncoding, encoding);
    QFETCH(int, units);
    QFETCH(int, parts);
    const SegmentCount count = countSegments(text, encoding);
    QCOMPARE(count.units, units);
    QCOMPARE(count.parts, parts);
    QCOMPARE(splitText(text, encoding).size(), parts);
}

void SegmenterTest::sixteenBitReferenceLeavesOneOctetLess()
{
    QCOMPARE(segmentLimits(TextEncoding::Gsm7, ConcatUdhOctets16BitRef).perPart, 152);
    QCOMPARE(segmentLimits(TextEncoding::Ucs2, ConcatUdhOctets16BitRef).perPart, 66);
    QCOMPARE(segmentLimits(TextEncoding::Latin1, ConcatUdhOctets16BitRef).perPart, 133);
    QCOMPARE(countSegments(QString(304, u'a'), TextEncoding::Gsm7, ConcatUdhOctets16BitRef).parts, 2);
    QCOMPARE(countSegments(QString(305, u'a'), TextEncoding::Gsm7, ConcatUdhOctets16BitRef).parts, 3);
}

void SegmenterTest::splitMatchesTheCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("short") << QStringLiteral("Your code is 4711");
    QTest::newRow("long gsm7") << QString(400, u'x');
    QTest::newRow("long with extension") << QStringLiteral("[{~}]€|^\\").repeated(30);
    QTest::newRow("long ucs2") << QStringLiteral("Привет, 😀 ").repeated(20);
}

void SegmenterTest::splitMatchesTheCount()
{
    QFETCH(QString, text);
    const SegmentCount count = countSegments(text);
    const QList<QByteArray> parts = splitText(text, count.encoding);
    QCOMPARE(parts.size(), count.parts);
    const SegmentLimits limits = segmentLimits(count.encoding);
    const int octetsPerUnit = count.encoding == TextEncoding::Ucs2 ? 2 : 1;
    QByteArray joined;
    for (const QByteArray &part : parts) {
        QVERIFY(part.size() <= (parts.size() == 1 ? limits.single : limits.perPart) * octetsPerUnit);
        joined += part;
    }
    QCOMPARE(joined, *encodeText(text, count.encoding));
    const int capacity = parts.size() == 1 ? limits.single : limits.perPart;
    QCOMPARE(count.unitsLeft, capacity - int(parts.last().size()) / octetsPerUnit);
}

void SegmenterTest::neverCutsAnEscapePair()
{
    // 152 plain septets, then a euro sign that would need septets 153 and 154.
    const QString text = QString(152, u'a') + QStringLiteral("\u20AC") + QString(10, u'b');
    const QList<QByteArray> parts = splitText(text, TextEncoding::Gsm7);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts[0].size(), 152);
    QVERIFY(!parts[0].endsWith(gsm7::Escape));
    QVERIFY(parts[1].startsWith(septets({gsm7::Escape, 0x65})));
    QCOMPARE(gsm7::decode(parts[0]) + gsm7::decode(parts[1]), text);
}

void SegmenterTest::neverCutsASurrogatePair()
{
    const QString text = QString(66, u'a') + QStringLiteral("😀") + QStringLiteral("bbb");
    const QList<QByteArray> parts = splitText(text, TextEncoding::Ucs2);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts[0].size(), 66 * 2);
    QVERIFY(parts[1].startsWith(QByteArray::fromHex("d83dde00")));
}

void SegmenterTest::refusesTextOutsideTheEncoding()
{
    QVERIFY(splitText(u"Привет", TextEncoding::Gsm7).isEmpty());
    QVERIFY(splitText(u"€", TextEncoding::Latin1).isEmpty());
    QCOMPARE(countSegments(u"Привет", TextEncoding::Gsm7).parts, 0);
}

QTEST_GUILESS_MAIN(SegmenterTest)
#include "tst_segmenter.moc"
