#pragma once

#include <QByteArray>
#include <QList>

// Input a broken or hostile peer might send, for the "never crash" tests of both session roles: the
// fuzzer's seed corpus (tests/messaging/corpus) and PDUs with valid headers (known command ids,
// requests and responses) around random bodies, from a fixed seed so a failure repeats.
QList<QByteArray> corpusFiles();
QByteArray randomPdus(int count, quint32 seed);
