// The rating index's child table: exact matches only, short keys inline, long and non-ASCII keys
// compared in full, one table shared by every node.

#include "ChildTable.h"

#include <QTest>

using namespace backoffice::rating;

class TestChildTable final : public QObject
{
    Q_OBJECT

private slots:
    void findsWhatWasInserted()
    {
        ChildTable table;
        table.reserve(4000);
        for (int n = 0; n < 1000; ++n)
            table.insert(7, QString::number(214000 + n), n);
        for (int n = 0; n < 1000; ++n)
            QCOMPARE(table.find(7, QString::number(214000 + n)), n);
        QCOMPARE(table.find(7, QStringLiteral("215000")), -1);
        QCOMPARE(table.find(8, QStringLiteral("214001")), -1); // the same key under another node
    }

    void keysAreExact()
    {
        ChildTable table;
        table.reserve(16);
        table.insert(1, QStringLiteral("ES"), 10);
        table.insert(1, QStringLiteral("DIGI mobil"), 11); // longer than 8: compared as a string
        table.insert(1, QStringLiteral("Telefónica"), 12); // not ASCII
        table.insert(1, QStringLiteral("12345678"), 13); // exactly 8: inline
        QCOMPARE(table.find(1, QStringLiteral("ES")), 10);
        QCOMPARE(table.find(1, QStringLiteral("es")), -1);
        QCOMPARE(table.find(1, QStringLiteral("E")), -1);
        QCOMPARE(table.find(1, QStringLiteral("ES ")), -1);
        QCOMPARE(table.find(1, QStringLiteral("DIGI mobil")), 11);
        QCOMPARE(table.find(1, QStringLiteral("DIGI mobiL")), -1);
        QCOMPARE(table.find(1, QStringLiteral("Telefónica")), 12);
        QCOMPARE(table.find(1, QStringLiteral("Telefonica")), -1);
        QCOMPARE(table.find(1, QStringLiteral("12345678")), 13);
        QCOMPARE(table.find(1, QStringLiteral("123456789")), -1);
        QCOMPARE(table.find(1, QString()), -1);
    }

    void laterInsertReplaces()
    {
        ChildTable table;
        table.reserve(4);
        table.insert(3, QStringLiteral("mt"), 1);
        table.insert(3, QStringLiteral("mt"), 2);
        QCOMPARE(table.find(3, QStringLiteral("mt")), 2);
    }

    void emptyTableFindsNothing()
    {
        const ChildTable table;
        QCOMPARE(table.find(0, QStringLiteral("sms")), -1);
    }
};

QTEST_GUILESS_MAIN(TestChildTable)
#include "tst_childtable.moc"
