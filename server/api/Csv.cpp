#include "Csv.h"

#include "EntityDescriptor.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backoffice::server {

namespace {

QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toInteger());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << cellText(item);
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

} // namespace

CsvWriter::CsvWriter(const EntityDescriptor &entity)
    : m_entity(entity)
{
    QStringList header;
    for (const FieldDescriptor &field : entity.fields) {
        if (!field.secret)
            header << field.label;
    }
    addRow(header);
}

void CsvWriter::addRecord(const QJsonObject &record)
{
    QStringList cells;
    for (const FieldDescriptor &field : m_entity.fields) {
        if (field.secret)
            continue;
        const QString labelKey = field.referenceLabelKey();
        const QJsonValue label = labelKey.isEmpty() ? QJsonValue() : record.value(labelKey);
        cells << cellText(label.isUndefined() || label.isNull() ? record.value(field.name) : label);
    }
    addRow(cells);
}

void CsvWriter::addRow(const QStringList &cells)
{
    QStringList escaped;
    for (QString cell : cells) {
        // A leading =, +, - or @ would make spreadsheets run the cell as a formula.
        if (!cell.isEmpty() && QStringLiteral("=+-@").contains(cell.front()) && !cell.front().isDigit()) {
            bool numeric = false;
            cell.toDouble(&numeric);
            if (!numeric)
                cell.prepend(QLatin1Char('\''));
        }
        if (cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('\n'))
            || cell.contains(QLatin1Char('\r')))
            cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
        escaped << cell;
    }
    m_data += escaped.join(QLatin1Char(',')).toUtf8();
    m_data += "\r\n";
}

} // namespace backoffice::server
