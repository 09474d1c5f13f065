#include "SheetWire.h"

#include <QDataStream>
#include <QIODevice>

namespace backoffice::spreadsheet {

namespace {
constexpr quint32 Magic = 0x424f5348; // "BOSH"
constexpr qint32 Version = 1;
constexpr auto StreamVersion = QDataStream::Qt_6_4;
} // namespace

QByteArray encodeAnswer(const std::variant<SheetAnswer, ReadError> &answer)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(StreamVersion);
    out << Magic << Version;
    if (const auto *read = std::get_if<SheetAnswer>(&answer)) {
        out << true << read->sheetNames << read->sheet.name << read->sheet.delimiter << read->sheet.rows;
    } else {
        const ReadError &error = std::get<ReadError>(answer);
        out << false << error.message << error.row << qint32(error.column);
    }
    return bytes;
}

std::variant<SheetAnswer, ReadError> decodeAnswer(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(StreamVersion);
    quint32 magic = 0;
    qint32 version = 0;
    bool ok = false;
    in >> magic >> version >> ok;
    const ReadError broken {QStringLiteral("The sheet reader gave an incomplete answer")};
    if (in.status() != QDataStream::Ok || magic != Magic || version != Version)
        return broken;
    if (!ok) {
        ReadError error;
        qint32 column = -1;
        in >> error.message >> error.row >> column;
        error.column = column;
        return in.status() == QDataStream::Ok ? std::variant<SheetAnswer, ReadError>(error) : broken;
    }
    SheetAnswer answer;
    in >> answer.sheetNames >> answer.sheet.name >> answer.sheet.delimiter >> answer.sheet.rows;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return broken;
    return answer;
}

QByteArray progressLine(qint64 done, qint64 total)
{
    return QByteArrayLiteral("progress ") + QByteArray::number(done) + ' ' + QByteArray::number(total) + '\n';
}

bool parseProgressLine(const QByteArray &line, qint64 *done, qint64 *total)
{
    const QList<QByteArray> parts = line.trimmed().split(' ');
    if (parts.size() != 3 || parts[0] != "progress")
        return false;
    bool okDone = false, okTotal = false;
    *done = parts[1].toLongLong(&okDone);
    *total = parts[2].toLongLong(&okTotal);
    return okDone && okTotal;
}

} // namespace backoffice::spreadsheet
