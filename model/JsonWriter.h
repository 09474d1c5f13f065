#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QVarLengthArray>

namespace backoffice {

// Writes compact JSON text straight into a byte array: for answers on hot paths (a quote, a sent
// message) and for very large values (an audit record of 100,000 rate nodes), where building
// QJsonObjects and serializing them costs more than the work itself. Commas are placed by the
// writer; keys are written as given (callers pass plain ASCII names).
class JsonWriter final
{
public:
    explicit JsonWriter(qsizetype reserve = 256) { m_out.reserve(reserve); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QLatin1StringView name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(QLatin1StringView text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &null();
    // Text, or null when empty (optional fields of the API).
    JsonWriter &textOrNull(const QString &text) { return text.isEmpty() ? null() : value(text); }
    // Anything QJsonValue holds, through QJsonDocument: for the rare nested values.
    JsonWriter &value(const QJsonValue &json);
    // Already-written JSON text.
    JsonWriter &raw(const QByteArray &json);

    const QByteArray &bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    void separate();

    QByteArray m_out;
    QVarLengthArray<bool, 16> m_needsComma; // one per open object or array
    bool m_afterKey = false;
};

} // namespace backoffice
