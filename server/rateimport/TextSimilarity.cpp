#include "TextSimilarity.h"

#include <algorithm>

namespace backoffice::server::rateimport {

QString normalizedForMatch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c == u'\'' || c == u'\u2019')
            continue; // accents and apostrophes vanish: "d'Ivoire" -> "divoire"
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty())
                out.append(u' ');
            pendingSpace = false;
            out.append(c.toCaseFolded());
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

BigramProfile::BigramProfile(const QString &normalizedText)
{
    // Padding with spaces lets the first and last letters count, so short words still compare.
    const QString padded = u' ' + normalizedText + u' ';
    m_pairs.reserve(padded.size());
    for (qsizetype i = 0; i + 1 < padded.size(); ++i)
        m_pairs.append((quint32(padded[i].unicode()) << 16) | padded[i + 1].unicode());
    std::sort(m_pairs.begin(), m_pairs.end());
}

double BigramProfile::similarity(const BigramProfile &other) const
{
    if (m_pairs.isEmpty() || other.m_pairs.isEmpty())
        return 0.0;
    qsizetype shared = 0;
    auto a = m_pairs.cbegin();
    auto b = other.m_pairs.cbegin();
    while (a != m_pairs.cend() && b != other.m_pairs.cend()) {
        if (*a == *b) {
            ++shared;
            ++a;
            ++b;
        } else if (*a < *b) {
            ++a;
        } else {
            ++b;
        }
    }
    return 2.0 * double(shared) / double(m_pairs.size() + other.m_pairs.size());
}

} // namespace backoffice::server::rateimport
