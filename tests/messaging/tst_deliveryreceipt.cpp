#include "DeliveryReceipt.h"

#include <QTest>
#include <QTimeZone>

using namespace backoffice::smpp;

namespace {

QDateTime at(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc());
}

} // namespace

class DeliveryReceiptTest final : public QObject
{
    Q_OBJECT

private slots:
    void buildsTheAppendixFormat();
    void parsesWhatItBuilds();
    void parsesVendorVariations_data();
    void parsesVendorVariations();
    void textRunsToTheEnd();
    void rejectsTextThatIsNotAReceipt_data();
    void rejectsTextThatIsNotAReceipt();
    void statWords_data();
    void statWords();
};

void DeliveryReceiptTest::buildsTheAppendixFormat()
{
    DeliveryReceipt receipt;
    receipt.id = QStringLiteral("0A1B2C3D");
    receipt.submitted = 1;
    receipt.delivered = 1;
    receipt.submitDate = at(2024, 3, 15, 12, 30);
    receipt.doneDate = at(2024, 3, 15, 12, 31);
    receipt.stat = ReceiptStat::Delivered;
    receipt.error = QStringLiteral("000");
    receipt.text = QStringLiteral("Your code is 4711");
    QCOMPARE(buildReceiptText(receipt),
             QStringLiteral("id:0A1B2C3D sub:001 dlvrd:001 submit date:2403151230 done date:2403151231 stat:DELIVRD "
                            "err:000 text:Your code is 4711"));
    receipt.datesWithSeconds = true;
    receipt.stat = ReceiptStat::Undeliverable;
    receipt.delivered = 0;
    QCOMPARE(
        buildReceiptText(receipt),
        QStringLiteral("id:0A1B2C3D sub:001 dlvrd:000 submit date:240315123000 done date:240315123100 stat:UNDELIV "
                       "err:000 text:Your code is 4711"));
}

void DeliveryReceiptTest::parsesWhatItBuilds()
{
    DeliveryReceipt receipt;
    receipt.id = QStringLiteral("abc-1");
    receipt.delivered = 1;
    receipt.submitDate = at(2025, 12, 31, 23, 59);
    receipt.doneDate = at(2026, 1, 1, 0, 1);
    receipt.stat = ReceiptStat::Expired;
    receipt.statText = QStringLiteral("EXPIRED");
    receipt.error = QStringLiteral("012");
    receipt.text = QStringLiteral("Happy new year!");
    QCOMPARE(parseReceiptText(buildReceiptText(receipt)), receipt);
}

void DeliveryReceiptTest::parsesVendorVariations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("delivered");
    QTest::addColumn<QDateTime>("doneDate");
    QTest::addColumn<ReceiptStat>("stat");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("messageText");

    const QDateTime done = at(2024, 3, 15, 12, 31);
    QTest::newRow("appendix") << QStringLiteral("id:77 sub:001 dlvrd:001 submit date:2403151230 done date:2403151231 "
                                                "stat:DELIVRD err:000 text:Hi")
                              << QStringLiteral("77") << 1 << done << ReceiptStat::Delivered << QStringLiteral("000")
                              << QStringLiteral("Hi");
    QTest::newRow("capitalised keys") << QStringLiteral("Id:77 Sub:001 Dlvrd:000 Submit date:2403151230 "
                                                        "Done date:2403151231 Stat:UNDELIV Err:034 Text:Hi")
                                      << QStringLiteral("77") << 0 << done << ReceiptStat::Undeliverable
                                      << QStringLiteral("034") << QStringLiteral("Hi");
    QTest::newRow("upper case, no text") << QStringLiteral("ID:77 SUB:1 DLVRD:1 SUBMIT DATE:2403151230 "
                                                           "DONE DATE:2403151231 STAT:DELIVRD ERR:0")
                                         << QStringLiteral("77") << 1 << done << ReceiptStat::Delivered
                                         << QStringLiteral("0") << QString();
    QTest::newRow("12-digit dates") << QStringLiteral("id:77 sub:001 dlvrd:001 submit date:240315123000 "
                                                      "done date:240315123145 stat:DELIVRD err:000 text:")
                                    << QStringLiteral("77") << 1 << at(2024, 3, 15, 12, 31, 45)
                                    << ReceiptStat::Delivered << QStringLiteral("000") << QString();
    QTest::newRow("underscored date keys")
        << QStringLiteral("id:77 sub:001 dlvrd:001 submit_date:2403151230 "
                          "done_date:2403151231 stat:REJECTD err:000")
        << QStringLiteral("77") << 1 << done << ReceiptStat::Rejected << QStringLiteral("000") << QString();
    QTest::newRow("full stat word, extra spaces")
        << QStringLiteral("id: 77  sub:001 dlvrd:001  done date: 2403151231 "
                          "stat: DELIVERED err:000")
        << QStringLiteral("77") << 1 << done << ReceiptStat::Delivered << QStringLiteral("000") << QString();
    QTest::newRow("unknown stat word") << QStringLiteral("id:77 stat:FAILED err:069") << QStringLiteral("77") << 0
                                       << QDateTime() << ReceiptStat::Unknown << QStringLiteral("069") << QString();
    QTest::newRow("bad date is null, receipt still read")
        << QStringLiteral("id:77 done date:2413991231 stat:ENROUTE") << QStringLiteral("77") << 0 << QDateTime()
        << ReceiptStat::Enroute << QString() << QString();
}

void DeliveryReceiptTest::parsesVendorVariations()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QFETCH(int, delivered);
    QFETCH(QDateTime, doneDate);
    QFETCH(ReceiptStat, stat);
    QFETCH(QString, error);
    QFETCH(QString, messageText);
    const auto receipt = parseReceiptText(text);
    QVERIFY(receipt);
    QCOMPARE(receipt->id, id);
    QCOMPARE(receipt->delivered, delivered);
    QCOMPARE(receipt->doneDate, doneDate);
    QCOMPARE(receipt->stat, stat);
    QCOMPARE(receipt->error, error);
    QCOMPARE(receipt->text, messageText);
}

void DeliveryReceiptTest::textRunsToTheEnd()
{
    // The quoted message may itself look like receipt keys.
    const auto receipt = parseReceiptText(u"id:9 stat:DELIVRD err:000 text:stat:EXPIRED id:1 ");
    QVERIFY(receipt);
    QCOMPARE(receipt->id, QStringLiteral("9"));
    QCOMPARE(receipt->stat, ReceiptStat::Delivered);
    QCOMPARE(receipt->text, QStringLiteral("stat:EXPIRED id:1 "));
}

void DeliveryReceiptTest::rejectsTextThatIsNotAReceipt_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ordinary message") << QStringLiteral("See you at 10:30");
    QTest::newRow("no stat") << QStringLiteral("id:77 sub:001 dlvrd:001");
    QTest::newRow("no id") << QStringLiteral("sub:001 dlvrd:001 stat:DELIVRD");
    QTest::newRow("key inside a word") << QStringLiteral("paid:77 status:DELIVRD");
    QTest::newRow("empty") << QString();
}

void DeliveryReceiptTest::rejectsTextThatIsNotAReceipt()
{
    QFETCH(QString, text);
    QVERIFY(!parseReceiptText(text));
}

void DeliveryReceiptTest::statWords_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<ReceiptStat>("stat");
    QTest::addColumn<int>("messageState");
    QTest::newRow("DELIVRD") << QStringLiteral("DELIVRD") << ReceiptStat::Delivered << 2;
    QTest::newRow("EXPIRED") << QStringLiteral("EXPIRED") << ReceiptStat::Expired << 3;
    QTest::newRow("DELETED") << QStringLiteral("DELETED") << ReceiptStat::Deleted << 4;
    QTest::newRow("UNDELIV") << QStringLiteral("UNDELIV") << ReceiptStat::Undeliverable << 5;
    QTest::newRow("ACCEPTD") << QStringLiteral("ACCEPTD") << ReceiptStat::Accepted << 6;
    QTest::newRow("UNKNOWN") << QStringLiteral("UNKNOWN") << ReceiptStat::Unknown << 7;
    QTest::newRow("REJECTD") << QStringLiteral("REJECTD") << ReceiptStat::Rejected << 8;
    QTest::newRow("ENROUTE") << QStringLiteral("ENROUTE") << ReceiptStat::Enroute << 1;
}

void DeliveryReceiptTest::statWords()
{
    QFETCH(QString, word);
    QFETCH(ReceiptStat, stat);
    QFETCH(int, messageState);
    QCOMPARE(receiptStatText(stat), word);
    QCOMPARE(receiptStatFromText(word), stat);
    QCOMPARE(receiptStatFromText(word.toLower()), stat);
    QCOMPARE(int(messageStateFor(stat)), messageState);
}

QTEST_GUILESS_MAIN(DeliveryReceiptTest)
#include "tst_deliveryreceipt.moc"
