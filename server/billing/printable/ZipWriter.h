#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace backoffice::printable {

struct ZipEntry final {
    QString name; // stored as UTF-8 with the language-encoding flag set
    QByteArray data;
    bool compress = true; // false for data that is compressed already (XLSX is a ZIP itself)
};

// Writes a ZIP archive in memory with libzip. The archive is for download, so it is built whole and
// returned as bytes; nothing touches the disk.
class ZipWriter final
{
public:
    static std::optional<QByteArray> write(const QList<ZipEntry> &entries, QString *error);
};

} // namespace backoffice::printable
