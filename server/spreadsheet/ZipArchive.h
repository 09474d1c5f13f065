#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <memory>
#include <optional>

struct zip;
struct zip_file;

namespace backoffice::spreadsheet {

// One ZIP entry as a sequential device over zip_fread. failed() tells a damaged entry (CRC or
// inflate error, more data than declared) from the plain end of the data.
class ZipEntryDevice final : public QIODevice
{
public:
    ZipEntryDevice(zip_file *file, qint64 declaredSize);
    ~ZipEntryDevice() override;

    bool isSequential() const override { return true; }
    bool failed() const { return m_failed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    zip_file *m_file;
    qint64 m_remaining;
    bool m_failed = false;
};

// A read-only ZIP archive in memory (libzip), as far as XLSX reading needs it: look up an entry by
// name and read it as a sequential QIODevice, so QXmlStreamReader can stream a sheet of hundreds
// of megabytes without holding it. open() refuses archives whose entries add up to more than
// maxUncompressedBytes (a zip bomb unpacks a few kilobytes to gigabytes), and an entry device
// stops with an error past the size the directory declares, in case the declaration lies.
class ZipArchive final
{
public:
    ZipArchive() = default;
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    // `data` must outlive the archive (libzip reads it in place). Returns an error in words for
    // staff ("it is not a ZIP archive", ...) or nullopt on success.
    std::optional<QString> open(const QByteArray &data, qint64 maxUncompressedBytes);

    // Part names compare without case, as the OPC rules of XLSX say.
    bool contains(const QString &name) const;
    // The entry opened for reading, its uncompressed size in *size; nullptr with *error set when it
    // is missing or cannot be read.
    std::unique_ptr<ZipEntryDevice> openEntry(const QString &name, QString *error, qint64 *size = nullptr) const;

private:
    zip *m_zip = nullptr;
};

} // namespace backoffice::spreadsheet
