#include "ZipArchive.h"

#include "SheetBuilder.h"

#include <zip.h>

namespace backoffice::spreadsheet {

namespace {

QString zipErrorText(zip_error_t *error)
{
    return QString::fromUtf8(zip_error_strerror(error)).toLower();
}

} // namespace

ZipEntryDevice::ZipEntryDevice(zip_file *file, qint64 declaredSize)
    : m_file(file)
    , m_remaining(declaredSize)
{
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered); // QXmlStreamReader buffers itself
}

ZipEntryDevice::~ZipEntryDevice()
{
    zip_fclose(m_file);
}

qint64 ZipEntryDevice::readData(char *data, qint64 maxSize)
{
    if (m_failed || maxSize <= 0)
        return -1;
    // One byte more than declared is asked for, to notice an entry that lies about its size.
    const qint64 wanted = std::min(maxSize, m_remaining + 1);
    const zip_int64_t got = zip_fread(m_file, data, zip_uint64_t(wanted));
    if (got < 0) {
        m_failed = true;
        setErrorString(zipErrorText(zip_file_get_error(m_file)));
        return -1;
    }
    if (got > m_remaining) {
        m_failed = true;
        setErrorString(QStringLiteral("it holds more data than the archive directory says"));
        return -1;
    }
    m_remaining -= got;
    return got == 0 ? -1 : got; // -1 marks the end of a sequential device
}

ZipArchive::~ZipArchive()
{
    if (m_zip)
        zip_discard(m_zip); // read-only: nothing to write back
}

std::optional<QString> ZipArchive::open(const QByteArray &data, qint64 maxUncompressedBytes)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(data.constData(), zip_uint64_t(data.size()), 0, &error);
    if (source)
        m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!m_zip) {
        QString text = zip_error_code_zip(&error) == ZIP_ER_NOZIP
            ? QStringLiteral("it is not a ZIP archive, or the end of it is missing (was the upload cut short?)")
            : zipErrorText(&error);
        if (source)
            zip_source_free(source);
        zip_error_fini(&error);
        return text;
    }
    zip_error_fini(&error);

    const zip_int64_t count = zip_get_num_entries(m_zip, 0);
    qint64 total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(m_zip, zip_uint64_t(i), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
            return QStringLiteral("entry %1 of the archive cannot be read").arg(i + 1);
        total += qint64(std::min<zip_uint64_t>(stat.size, zip_uint64_t(maxUncompressedBytes) + 1));
        if (total > maxUncompressedBytes) {
            return QStringLiteral("it would unpack to more than %1 MiB, more than a rate sheet can hold")
                .arg(groupedNumber(maxUncompressedBytes / (1024 * 1024)));
        }
    }
    return std::nullopt;
}

bool ZipArchive::contains(const QString &name) const
{
    return zip_name_locate(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE) >= 0;
}

std::unique_ptr<ZipEntryDevice> ZipArchive::openEntry(const QString &name, QString *error, qint64 *size) const
{
    const zip_int64_t index = zip_name_locate(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE);
    if (index < 0) {
        *error = QStringLiteral("the part %1 is missing").arg(name);
        return nullptr;
    }
    zip_stat_t stat;
    if (zip_stat_index(m_zip, zip_uint64_t(index), 0, &stat) != 0) {
        *error = zipErrorText(zip_get_error(m_zip));
        return nullptr;
    }
    zip_file_t *file = zip_fopen_index(m_zip, zip_uint64_t(index), 0);
    if (!file) {
        *error = QStringLiteral("the part %1 cannot be opened: %2").arg(name, zipErrorText(zip_get_error(m_zip)));
        return nullptr;
    }
    if (size)
        *size = qint64(stat.size);
    return std::make_unique<ZipEntryDevice>(file, qint64(stat.size));
}

} // namespace backoffice::spreadsheet
