#include "GettextCatalog.h"

#include <QFile>
#include <QtEndian>

namespace backoffice {

namespace {

constexpr quint32 moMagic = 0x950412de;

// Reads the 32-bit words of a .mo file in the byte order its magic number reveals.
class MoReader final
{
public:
    explicit MoReader(const QByteArray &data)
        : m_data(data)
    { }

    bool detectByteOrder()
    {
        if (m_data.size() < 28)
            return false;
        const quint32 little = qFromLittleEndian<quint32>(m_data.constData());
        if (little == moMagic)
            return true;
        m_bigEndian = qFromBigEndian<quint32>(m_data.constData()) == moMagic;
        return m_bigEndian;
    }

    bool word(qsizetype offset, quint32 *value) const
    {
        if (offset < 0 || offset + 4 > m_data.size())
            return false;
        const char *at = m_data.constData() + offset;
        *value = m_bigEndian ? qFromBigEndian<quint32>(at) : qFromLittleEndian<quint32>(at);
        return true;
    }

    // The string described by the (length, offset) pair at descriptor.
    bool string(qsizetype descriptor, QByteArray *text) const
    {
        quint32 length = 0;
        quint32 offset = 0;
        if (!word(descriptor, &length) || !word(descriptor + 4, &offset))
            return false;
        if (qsizetype(offset) + qsizetype(length) > m_data.size())
            return false;
        *text = m_data.mid(offset, length);
        return true;
    }

private:
    const QByteArray &m_data;
    bool m_bigEndian = false;
};

} // namespace

bool GettextCatalog::load(const QByteArray &data)
{
    m_messages.clear();
    MoReader reader(data);
    if (!reader.detectByteOrder())
        return false;
    quint32 count = 0;
    quint32 originals = 0;
    quint32 translations = 0;
    if (!reader.word(8, &count) || !reader.word(12, &originals) || !reader.word(16, &translations))
        return false;
    QHash<QString, QString> messages;
    for (quint32 i = 0; i < count; ++i) {
        QByteArray original;
        QByteArray translation;
        if (!reader.string(qsizetype(originals) + 8 * qsizetype(i), &original)
            || !reader.string(qsizetype(translations) + 8 * qsizetype(i), &translation))
            return false;
        // The empty msgid holds the catalogue header; "\4" separates a context, "\0" a plural form.
        if (original.isEmpty() || original.contains('\4') || original.contains('\0'))
            continue;
        messages.insert(QString::fromUtf8(original), QString::fromUtf8(translation));
    }
    m_messages = std::move(messages);
    return true;
}

bool GettextCatalog::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_messages.clear();
        return false;
    }
    return load(file.readAll());
}

} // namespace backoffice
