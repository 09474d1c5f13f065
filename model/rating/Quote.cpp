#include "Quote.h"

namespace backoffice::rating {

QString quoteStatusKey(QuoteStatus status)
{
    switch (status) {
    case QuoteStatus::Ok: return QStringLiteral("ok");
    case QuoteStatus::Blocked: return QStringLiteral("blocked");
    case QuoteStatus::NoRate: return QStringLiteral("noRate");
    case QuoteStatus::NotIncluded: return QStringLiteral("notIncluded");
    case QuoteStatus::Included: return QStringLiteral("included");
    case QuoteStatus::Free: return QStringLiteral("free");
    case QuoteStatus::Unusable: return QStringLiteral("unusable");
    case QuoteStatus::InvalidInput: return QStringLiteral("invalidInput");
    }
    return {};
}

bool QuoteRequest::setAttributes(const QHash<QString, QString> &map, QString *unknownKey)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const std::optional<Dimension> dimension = dimensionFromKey(it.key());
        if (!dimension || *dimension == Dimension::Resource) {
            if (unknownKey)
                *unknownKey = it.key();
            return false;
        }
        setAttribute(*dimension, it.value());
    }
    return true;
}

} // namespace backoffice::rating
