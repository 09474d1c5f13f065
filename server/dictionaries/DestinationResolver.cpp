#include "DestinationResolver.h"

#include "ApiException.h"
#include "Database.h"
#include "Dictionaries.h"
#include "EntityCatalogue.h"
#include "EntityRepository.h"
#include "ListQuery.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMutexLocker>

#include <phonenumbers/phonenumberutil.h>

namespace backoffice::server {

// Starts at 1 so a fresh resolver (generation 0) always builds its trie on first use.
std::atomic<quint64> DestinationResolver::s_generation {1};

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

QString typeKey(PhoneNumberUtil::PhoneNumberType type)
{
    switch (type) {
    case PhoneNumberUtil::FIXED_LINE: return QStringLiteral("fixed-line");
    case PhoneNumberUtil::MOBILE: return QStringLiteral("mobile");
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return QStringLiteral("fixed-line-or-mobile");
    case PhoneNumberUtil::TOLL_FREE: return QStringLiteral("toll-free");
    case PhoneNumberUtil::PREMIUM_RATE: return QStringLiteral("premium-rate");
    case PhoneNumberUtil::SHARED_COST: return QStringLiteral("shared-cost");
    case PhoneNumberUtil::VOIP: return QStringLiteral("voip");
    case PhoneNumberUtil::PERSONAL_NUMBER: return QStringLiteral("personal-number");
    case PhoneNumberUtil::PAGER: return QStringLiteral("pager");
    case PhoneNumberUtil::UAN: return QStringLiteral("uan");
    case PhoneNumberUtil::VOICEMAIL: return QStringLiteral("voicemail");
    case PhoneNumberUtil::UNKNOWN: break;
    }
    return QStringLiteral("unknown");
}

[[noreturn]] void notANumber(const QString &why)
{
    throw ApiException::validation({{QStringLiteral("number"), why}}, QStringLiteral("The number cannot be resolved"));
}

// "+34 612-345-678", "0034612345678" and "34612345678" all mean the same international number.
QString internationalForm(const QString &input)
{
    QString number = input.trimmed();
    if (number.isEmpty())
        notANumber(QStringLiteral("is required"));
    if (number.size() > 40)
        notANumber(QStringLiteral("is too long for a phone number"));
    if (number.startsWith(QLatin1String("00")))
        number = QLatin1Char('+') + number.mid(2);
    else if (!number.startsWith(QLatin1Char('+')))
        number.prepend(QLatin1Char('+'));
    return number;
}

QJsonValue textOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

} // namespace

DestinationResolver::DestinationResolver(Database &database)
    : m_database(database)
{ }

void DestinationResolver::markPrefixesChanged()
{
    s_generation.fetch_add(1);
}

std::shared_ptr<const PrefixTrie> DestinationResolver::currentTrie()
{
    QMutexLocker lock(&m_mutex);
    const quint64 generation = s_generation.load();
    if (m_trie && m_builtGeneration == generation)
        return m_trie;
    auto trie = std::make_shared<PrefixTrie>();
    ListQuery everything;
    everything.limit = 0;
    EntityRepository(m_database.connection(), EntityCatalogue::get(entities::numberPrefixes))
        .forEach(everything, QDateTime::currentDateTimeUtc(), [&trie](const QJsonObject &row) {
            trie->insert({row.value(QLatin1String("prefix")).toString(), row.value(QLatin1String("country")).toString(),
                          row.value(QLatin1String("mcc")).toString(), row.value(QLatin1String("mnc")).toString(),
                          row.value(QLatin1String("network")).toString()});
        });
    m_trie = std::move(trie);
    m_builtGeneration = generation;
    return m_trie;
}

QJsonObject DestinationResolver::resolve(const QString &input)
{
    const QString number = internationalForm(input);
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    PhoneNumber parsed;
    if (util.Parse(number.toStdString(), "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR)
        notANumber(QStringLiteral("is not a phone number in international form (+34 612 345 678)"));
    std::string e164;
    util.Format(parsed, PhoneNumberUtil::E164, &e164);
    const bool valid = util.IsValidNumber(parsed);
    std::string region;
    util.GetRegionCodeForNumber(parsed, &region);
    if (region.empty() || region == "ZZ" || region == "001")
        region.clear();

    const QString e164Text = QString::fromStdString(e164);
    const std::shared_ptr<const PrefixTrie> trie = currentTrie();
    const PrefixTrie::Entry *match = trie->longestMatch(e164Text.mid(1));

    // The numbering plan knows the country of a valid number best; the prefix table covers numbers
    // it does not know (new ranges), and the country code alone is the last resort.
    QString country = QString::fromStdString(region);
    if (country.isEmpty() && match)
        country = match->country;
    if (country.isEmpty()) {
        std::string byCode;
        util.GetRegionCodeForCountryCode(parsed.country_code(), &byCode);
        if (byCode != "ZZ" && byCode != "001")
            country = QString::fromStdString(byCode);
    }
    const QString mcc = match ? match->mcc : QString();
    const QString mnc = match ? match->mnc : QString();
    return QJsonObject {
        {QStringLiteral("number"), input},
        {QStringLiteral("e164"), e164Text},
        {QStringLiteral("countryCode"), int(parsed.country_code())},
        {QStringLiteral("country"), textOrNull(country)},
        {QStringLiteral("countryName"), textOrNull(Dictionaries::instance().countryName(country))},
        {QStringLiteral("mcc"), textOrNull(mcc)},
        {QStringLiteral("mnc"), textOrNull(mnc)},
        {QStringLiteral("mccmnc"), textOrNull(mnc.isEmpty() ? QString() : mcc + mnc)},
        {QStringLiteral("network"), textOrNull(match ? match->network : QString())},
        {QStringLiteral("prefix"), textOrNull(match ? match->prefix : QString())},
        {QStringLiteral("valid"), valid},
        {QStringLiteral("type"), typeKey(util.GetNumberType(parsed))},
    };
}

} // namespace backoffice::server
