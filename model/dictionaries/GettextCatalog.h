#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace backoffice {

// A compiled gettext catalogue (.mo file): the translations iso-codes ships for its country names.
// Only singular messages without context are kept, which is all iso-codes uses.
class GettextCatalog final
{
public:
    // Parses the .mo data; returns false (and an empty catalogue) when it is not a valid catalogue.
    bool load(const QByteArray &data);
    bool loadFile(const QString &path);

    // The translation of msgid, or an empty string when the catalogue has none.
    QString translate(const QString &msgid) const { return m_messages.value(msgid); }
    qsizetype size() const { return m_messages.size(); }

private:
    QHash<QString, QString> m_messages;
};

} // namespace backoffice
