#include "Reassembler.h"

#include <QTest>

using namespace backoffice::smpp;

class ReassemblerTest final : public QObject
{
    Q_OBJECT

private slots:
    void joinsPartsInAnyOrder_data();
    void joinsPartsInAnyOrder();
    void keepsSendersApart();
    void duplicateKeepsTheFirstCopy();
    void rejectsInvalidParts();
    void singlePartCompletesAtOnce();
    void timeoutGivesUpOnIncompleteMessages();
    void reusedReferenceWithAnotherTotalStartsAnew();
    void openMessageLimitEvictsTheOldest();
};

void ReassemblerTest::joinsPartsInAnyOrder_data()
{
    QTest::addColumn<QList<int>>("order");
    QTest::newRow("in order") << QList<int> {1, 2, 3};
    QTest::newRow("reversed") << QList<int> {3, 2, 1};
    QTest::newRow("last first") << QList<int> {3, 1, 2};
    QTest::newRow("middle first") << QList<int> {2, 3, 1};
}

void ReassemblerTest::joinsPartsInAnyOrder()
{
    QFETCH(QList<int>, order);
    Reassembler reassembler(60000);
    const QByteArray payloads[] = {"Hello, ", "long ", "world"};
    Reassembler::Message message;
    for (int i = 0; i < order.size(); ++i) {
        const int sequence = order[i];
        const auto result
            = reassembler.add("447700900123", {0x42, 3, quint8(sequence)}, payloads[sequence - 1], i, &message);
        QCOMPARE(result, i + 1 < order.size() ? Reassembler::AddResult::Accepted : Reassembler::AddResult::Completed);
    }
    QCOMPARE(message.payload, QByteArray("Hello, long world"));
    QCOMPARE(message.source, QByteArray("447700900123"));
    QCOMPARE(message.reference, quint16(0x42));
    QCOMPARE(reassembler.openMessages(), 0);
}

void ReassemblerTest::keepsSendersApart()
{
    Reassembler reassembler(60000);
    Reassembler::Message message;
    reassembler.add("A", {7, 2, 1}, "a1", 0, &message);
    reassembler.add("B", {7, 2, 2}, "b2", 0, &message);
    QCOMPARE(reassembler.openMessages(), 2);
    QCOMPARE(reassembler.add("B", {7, 2, 1}, "b1", 0, &message), Reassembler::AddResult::Completed);
    QCOMPARE(message.payload, QByteArray("b1b2"));
    QCOMPARE(reassembler.add("A", {7, 2, 2}, "a2", 0, &message), Reassembler::AddResult::Completed);
    QCOMPARE(message.payload, QByteArray("a1a2"));
}

void ReassemblerTest::duplicateKeepsTheFirstCopy()
{
    Reassembler reassembler(60000);
    Reassembler::Message message;
    QCOMPARE(reassembler.add("A", {1, 2, 1}, "first", 0, &message), Reassembler::AddResult::Accepted);
    QCOMPARE(reassembler.add("A", {1, 2, 1}, "again", 0, &message), Reassembler::AddResult::Duplicate);
    QCOMPARE(reassembler.add("A", {1, 2, 2}, "+", 0, &message), Reassembler::AddResult::Completed);
    QCOMPARE(message.payload, QByteArray("first+"));
}

void ReassemblerTest::rejectsInvalidParts()
{
    Reassembler reassembler(60000);
    QCOMPARE(reassembler.add("A", {1, 0, 0}, "x", 0, nullptr), Reassembler::AddResult::Invalid);
    QCOMPARE(reassembler.add("A", {1, 2, 3}, "x", 0, nullptr), Reassembler::AddResult::Invalid);
    QCOMPARE(reassembler.add("A", {1, 2, 0}, "x", 0, nullptr), Reassembler::AddResult::Invalid);
    QCOMPARE(reassembler.openMessages(), 0);
}

void ReassemblerTest::singlePartCompletesAtOnce()
{
    Reassembler reassembler(60000);
    Reassembler::Message message;
    QCOMPARE(reassembler.add("A", {9, 1, 1}, "whole", 0, &message), Reassembler::AddResult::Completed);
    QCOMPARE(message.payload, QByteArray("whole"));
    QCOMPARE(reassembler.openMessages(), 0);
}

void ReassemblerTest::timeoutGivesUpOnIncompleteMessages()
{
    Reassembler reassembler(1000);
    QList<Reassembler::Incomplete> given;
    reassembler.setIncompleteHandler([&given](const Reassembler::Incomplete &incomplete) { given.append(incomplete); });
    reassembler.add("A", {5, 3, 3}, "c", 100, nullptr);
    reassembler.add("A", {5, 3, 1}, "a", 600, nullptr);
    reassembler.add("B", {6, 2, 1}, "x", 900, nullptr);

    QCOMPARE(reassembler.expire(1100), 0); // exactly the timeout after the first part: not yet
    QCOMPARE(reassembler.expire(1101), 1);
    QCOMPARE(given.size(), 1);
    QCOMPARE(given[0].source, QByteArray("A"));
    QCOMPARE(given[0].reference, quint16(5));
    QCOMPARE(given[0].total, quint8(3));
    QCOMPARE(given[0].parts.size(), 2);
    QCOMPARE(given[0].parts[0], (std::pair<quint8, QByteArray> {1, "a"}));
    QCOMPARE(given[0].parts[1], (std::pair<quint8, QByteArray> {3, "c"}));
    QCOMPARE(reassembler.openMessages(), 1);

    // The late part of the expired message starts a new one rather than completing the old.
    QCOMPARE(reassembler.add("A", {5, 3, 2}, "b", 1200, nullptr), Reassembler::AddResult::Accepted);
}

void ReassemblerTest::reusedReferenceWithAnotherTotalStartsAnew()
{
    Reassembler reassembler(60000);
    int givenUp = 0;
    reassembler.setIncompleteHandler([&givenUp](const Reassembler::Incomplete &) { ++givenUp; });
    Reassembler::Message message;
    reassembler.add("A", {5, 3, 1}, "old", 0, &message);
    QCOMPARE(reassembler.add("A", {5, 2, 2}, "new2", 10, &message), Reassembler::AddResult::Accepted);
    QCOMPARE(givenUp, 1);
    QCOMPARE(reassembler.add("A", {5, 2, 1}, "new1", 20, &message), Reassembler::AddResult::Completed);
    QCOMPARE(message.payload, QByteArray("new1new2"));
}

void ReassemblerTest::openMessageLimitEvictsTheOldest()
{
    Reassembler reassembler(60000, 2);
    QList<QByteArray> evicted;
    reassembler.setIncompleteHandler(
        [&evicted](const Reassembler::Incomplete &incomplete) { evicted.append(incomplete.source); });
    reassembler.add("old", {1, 2, 1}, "x", 0, nullptr);
    reassembler.add("mid", {1, 2, 1}, "x", 5, nullptr);
    reassembler.add("new", {1, 2, 1}, "x", 9, nullptr);
    QCOMPARE(evicted, QList<QByteArray> {"old"});
    QCOMPARE(reassembler.openMessages(), 2);
}

QTEST_GUILESS_MAIN(ReassemblerTest)
#include "tst_reassembler.moc"
