#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace backoffice {
struct EntityDescriptor;
}

namespace backoffice::server {

// CSV (RFC 4180, UTF-8, CRLF) of catalogue records: a header row of labels, then one row per
// record with references shown by their labels.
class CsvWriter final
{
public:
    explicit CsvWriter(const EntityDescriptor &entity);
    const QByteArray &data() const { return m_data; }
    void addRecord(const QJsonObject &record);

private:
    void addRow(const QStringList &cells);
    const EntityDescriptor &m_entity;
    QByteArray m_data;
};

} // namespace backoffice::server
