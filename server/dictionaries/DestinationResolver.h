#pragma once

#include "PrefixTrie.h"

#include <QJsonObject>
#include <QMutex>
#include <atomic>
#include <memory>

namespace backoffice::server {

class Database;

// Where a phone number goes: its country by libphonenumber's numbering plan, and its MCC/MNC and
// network by the longest matching row of the number_prefixes table. The table is held as an
// in-memory trie, rebuilt on the first lookup after any change to the table.
class DestinationResolver final
{
public:
    explicit DestinationResolver(Database &database);

    // {e164, country, countryName, mcc, mnc, mccmnc, network, prefix, valid, type}; throws
    // ApiException 400 (validation_failed, field "number") when the text is not a phone number.
    QJsonObject resolve(const QString &number);

    // Called by every writer of number_prefixes (entity rules, CSV import, demo seeding).
    static void markPrefixesChanged();
    // Moves with every change of the prefix table (for callers that cache answers).
    static quint64 generation() { return s_generation.load(); }

private:
    std::shared_ptr<const PrefixTrie> currentTrie();

    Database &m_database;
    QMutex m_mutex;
    std::shared_ptr<const PrefixTrie> m_trie;
    quint64 m_builtGeneration = 0;
    static std::atomic<quint64> s_generation;
};

} // namespace backoffice::server
