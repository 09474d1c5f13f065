#pragma once

#include <QList>
#include <QString>

namespace backoffice::server::rateimport {

// How rate-sheet text is compared with dictionary values for a "best match": letter case, accents
// and punctuation do not count ("Côte d'Ivoire" = "cote divoire"), then similarity is the Dice
// coefficient over character pairs, which rewards shared fragments ("Vodafone Portugal" is close
// to "Vodafone") and is cheap enough to compare a sheet's values with thousands of networks.
QString normalizedForMatch(const QString &text);

class BigramProfile final
{
public:
    BigramProfile() = default;
    explicit BigramProfile(const QString &normalizedText);
    // 0 (nothing shared) .. 1 (the same pairs).
    double similarity(const BigramProfile &other) const;
    bool isEmpty() const { return m_pairs.isEmpty(); }

private:
    QList<quint32> m_pairs; // sorted, with repeats
};

} // namespace backoffice::server::rateimport
