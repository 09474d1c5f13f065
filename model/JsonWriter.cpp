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

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    m_out.append('"');
    static const char hex[] = "0123456789abcdef";
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            m_out.append('\\').append(c);
        else if (byte < 0x20)
            m_out.append("\\u00").append(hex[byte >> 4]).append(hex[byte & 0xf]);
        else
            m_out.append(c);
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
