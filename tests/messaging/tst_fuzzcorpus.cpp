#include "PduDecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <cstdint>

// The libFuzzer entry point of fuzz/smpp_decode_fuzzer.cpp, linked into this test.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

using namespace backoffice::smpp;

// Runs the fuzz entry point over the committed seed corpus, so every build (gcc, no sanitizers)
// exercises it. Files named valid_* must decode to a PDU and malformed_* to a decode error, so the
// corpus keeps covering both sides; any other name (crash reproducers) only has to pass the checks.
class FuzzCorpusTest final : public QObject
{
    Q_OBJECT

private slots:
    void corpusPassesTheFuzzChecks_data();
    void corpusPassesTheFuzzChecks();
    void corpusHasBothKinds();
};

void FuzzCorpusTest::corpusPassesTheFuzzChecks_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(SMPP_FUZZ_CORPUS));
    for (const QString &name : corpus.entryList(QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << corpus.filePath(name);
}

void FuzzCorpusTest::corpusPassesTheFuzzChecks()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    const QString name = QFileInfo(path).fileName();
    const DecodeResult result = decode(bytes);
    if (name.startsWith(u"valid_")) {
        if (const auto *error = std::get_if<DecodeError>(&result))
            QFAIL(qPrintable(error->reason));
    } else if (name.startsWith(u"malformed_")) {
        QVERIFY(std::holds_alternative<DecodeError>(result));
    }
    QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size())), 0);
}

void FuzzCorpusTest::corpusHasBothKinds()
{
    const QDir corpus(QStringLiteral(SMPP_FUZZ_CORPUS));
    QVERIFY(corpus.entryList({QStringLiteral("valid_*")}, QDir::Files).size() >= 5);
    QVERIFY(corpus.entryList({QStringLiteral("malformed_*")}, QDir::Files).size() >= 5);
}

QTEST_GUILESS_MAIN(FuzzCorpusTest)
#include "tst_fuzzcorpus.moc"
