// Version 7 UUIDs for message and transaction ids: well-formed, unique, and ordered by time.
#include "TimeOrderedId.h"

#include <QSet>
#include <QTest>
#include <QUuid>

using namespace backoffice::server;

class TstTimeOrderedId final : public QObject
{
    Q_OBJECT

private slots:
    void isAVersion7Uuid()
    {
        const QDateTime at = QDateTime::fromString(QStringLiteral("2026-12-03T08:15:30.123Z"), Qt::ISODateWithMs);
        const QString id = newTimeOrderedId(at);
        QCOMPARE(id.size(), 36);
        const QUuid uuid = QUuid::fromString(id);
        QVERIFY(!uuid.isNull());
        // Qt 6.4 knows no version 7, so the version and variant nibbles are read from the text.
        QCOMPARE(id.at(14), QLatin1Char('7'));
        QVERIFY(QStringLiteral("89ab").contains(id.at(19)));
        QCOMPARE(uuid.variant(), QUuid::DCE);
        // The first 48 bits are the Unix milliseconds, readable from the text.
        const QString hex = id.left(8) + id.mid(9, 4);
        QCOMPARE(hex.toULongLong(nullptr, 16), quint64(at.toMSecsSinceEpoch()));
        QCOMPARE(id, id.toLower());
    }

    void idsAreUniqueAndFollowTime()
    {
        QSet<QString> seen;
        QString previous;
        QDateTime at = QDateTime::fromString(QStringLiteral("2026-12-03T00:00:00Z"), Qt::ISODate);
        for (int i = 0; i < 20000; ++i) {
            if (i % 100 == 0)
                at = at.addMSecs(1);
            const QString id = newTimeOrderedId(at);
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            // Across milliseconds the text sorts as the time does (within one it is random).
            if (i % 100 == 0 && !previous.isEmpty())
                QVERIFY2(id > previous, qPrintable(previous + u' ' + id));
            if (i % 100 == 99)
                previous = id;
        }
    }
};

QTEST_APPLESS_MAIN(TstTimeOrderedId)
#include "tst_timeorderedid.moc"
