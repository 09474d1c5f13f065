#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backoffice {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_needsComma.isEmpty()) {
        if (m_needsComma.back())
            m_out.append(',');
        m_needsComma.back() = true;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needsComma.append(false);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needsComma.removeLast();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needsComma.append(false);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needsComma.removeLast();
    return *this;
}

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out.append('"').append(name.data(), name.size()).append("\":");
    m_afterKey = true;
    return *this;
}

namespace {

// One byte of UTF-8 text inside a JSON string: quotes, backslashes and controls escaped.
inline void appendEscaped(QByteArray &out, char c)
{
    static const char hex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
        out.append('\\').append(c);
    else if (byte < 0x20)
        out.append("\\u00").append(hex[byte >> 4]).append(hex[byte & 0xf]);
    else
        out.append(c);
}

} // namespace

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    m_out.append('"');
    // ASCII (nearly every key, code and price) goes straight across; from the first other
    // character on, the text goes through toUtf8.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            for (const char byte : QStringView(text).mid(i).toUtf8())
                appendEscaped(m_out, byte);
            break;
        }
        appendEscaped(m_out, char(c));
    }
    m_out.append('"');
    return *this;
}

JsonWriter &JsonWriter::value(QLatin1StringView text)
{
    return value(QString(text));
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Object: return raw(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array: return raw(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::String: return value(json.toString());
    case QJsonValue::Bool: return value(json.toBool());
    case QJsonValue::Double: {
        // Whole numbers as integers (ids, counts); others as QJsonDocument writes them.
        const double d = json.toDouble();
        if (d == double(qint64(d)))
            return value(qint64(d));
        const QByteArray wrapped = QJsonDocument(QJsonArray {json}).toJson(QJsonDocument::Compact);
        return raw(wrapped.mid(1, wrapped.size() - 2));
    }
    default: return null();
    }
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    return *this;
}

} // namespace backoffice
