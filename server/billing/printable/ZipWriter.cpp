#include "ZipWriter.h"

#include <QCoreApplication>
#include <zip.h>

namespace backoffice::printable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::printable::ZipWriter", text);
}

QString errorText(zip_error_t *error)
{
    return QString::fromUtf8(zip_error_strerror(error));
}

// The finished archive out of the memory source libzip wrote it to.
std::optional<QByteArray> readSource(zip_source_t *source, QString *message)
{
    if (zip_source_open(source) != 0) {
        *message = errorText(zip_source_error(source));
        return std::nullopt;
    }
    QByteArray bytes;
    char chunk[64 * 1024];
    zip_int64_t got = 0;
    while ((got = zip_source_read(source, chunk, sizeof chunk)) > 0)
        bytes.append(chunk, qsizetype(got));
    const bool ok = got == 0;
    if (!ok)
        *message = errorText(zip_source_error(source));
    zip_source_close(source);
    if (!ok)
        return std::nullopt;
    return bytes;
}

} // namespace

std::optional<QByteArray> ZipWriter::write(const QList<ZipEntry> &entries, QString *error)
{
    QString message;
    const auto fail = [&](const QString &what) {
        if (error)
            *error = tr("the ZIP archive could not be written: %1").arg(what);
        return std::nullopt;
    };

    zip_error_t zipError;
    zip_error_init(&zipError);
    zip_source_t *target = zip_source_buffer_create(nullptr, 0, 0, &zipError);
    if (!target) {
        message = errorText(&zipError);
        zip_error_fini(&zipError);
        return fail(message);
    }
    zip_source_keep(target); // survive zip_close, which is where the archive gets written into it
    zip_t *archive = zip_open_from_source(target, ZIP_TRUNCATE, &zipError);
    if (!archive) {
        message = errorText(&zipError);
        zip_error_fini(&zipError);
        zip_source_free(target);
        return fail(message);
    }
    zip_error_fini(&zipError);

    bool ok = true;
    for (const ZipEntry &entry : entries) {
        // The entry data is read at zip_close(); `entries` outlives it, so no copy is needed.
        zip_source_t *source = zip_source_buffer(archive, entry.data.constData(), zip_uint64_t(entry.data.size()), 0);
        const zip_int64_t index = source
            ? zip_file_add(archive, entry.name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
            : -1;
        if (index < 0) {
            if (source)
                zip_source_free(source);
            ok = false;
            break;
        }
        zip_set_file_compression(archive, zip_uint64_t(index), entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    }
    if (!ok) {
        message = errorText(zip_get_error(archive));
        zip_discard(archive);
        zip_source_free(target);
        return fail(message);
    }
    if (zip_close(archive) != 0) {
        message = errorText(zip_get_error(archive));
        zip_discard(archive);
        zip_source_free(target);
        return fail(message);
    }
    std::optional<QByteArray> bytes = readSource(target, &message);
    zip_source_free(target);
    if (!bytes)
        return fail(message);
    return bytes;
}

} // namespace backoffice::printable
