#include "MessageAdmission.h"

#include "ApiException.h"
#include "BalanceBook.h"
#include "DestinationResolver.h"
#include "ServiceEntities.h"
#include "SmppConstants.h"
#include "TimeOrderedId.h"


namespace backoffice::server {

namespace {

AdmissionResult refuse(quint32 smppStatus, const QString &error)
{
    AdmissionResult result;
    result.smppStatus = smppStatus;
    result.error = error;
    return result;
}

bool plausibleNumber(const QString &digits)
{
    if (digits.size() < 7 || digits.size() > 15)
        return false;
    for (const QChar c : digits) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

} // namespace

MessageAdmission::MessageAdmission(MessagingConfigCache &config, DestinationResolver &destinations,
                                   RatingEngine &rating, BalanceBook &balances, PackBook &packs)
    : m_config(config)
    , m_destinations(destinations)
    , m_rating(rating)
    , m_balances(balances)
    , m_packs(packs)
{
}

QString MessageAdmission::resourceOf(const QString &channel)
{
    if (channel == QLatin1String("voice"))
        return QStringLiteral("voice-call");
    if (channel == QLatin1String("mobilePush"))
        return QStringLiteral("push-partner-message");
    return channel + QStringLiteral("-message");
}

QJsonObject MessageAdmission::destinationOf(const QString &digits)
{
    const QString key = digits.left(8) + QLatin1Char(':') + QString::number(digits.size());
    {
        QMutexLocker lock(&m_cacheMutex);
        if (m_destinationsGeneration != DestinationResolver::generation() || m_destinationCache.size() > 200000) {
            m_destinationCache.clear();
            m_destinationsGeneration = DestinationResolver::generation();
        }
        const auto found = m_destinationCache.constFind(key);
        if (found != m_destinationCache.cend())
            return *found;
    }
    const QJsonObject destination = m_destinations.resolve(QLatin1Char('+') + digits);
    QMutexLocker lock(&m_cacheMutex);
    m_destinationCache.insert(key, destination);
    return destination;
}

AdmissionResult MessageAdmission::admit(const Submission &submission, const QDateTime &now)
{
    namespace st = smpp::status;
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    const QList<const SenderRow *> senders = config->findSenders(submission.companyId, submission.channel,
                                                                 submission.sender);
    if (senders.isEmpty())
        return refuse(st::InvalidSourceAddress, QStringLiteral("For message: can't validate sender %1").arg(submission.sender));
    const SenderRow &sender = *senders.first();
    if (sender.status == QLatin1String("blocked"))
        return refuse(st::InvalidSourceAddress, QStringLiteral("Sender ID %1 is blocked").arg(submission.sender));
    if (sender.status != QLatin1String("active") && sender.status != QLatin1String("testing"))
        return refuse(st::InvalidSourceAddress,
                      QStringLiteral("Sender ID %1 is not active (%2)").arg(submission.sender, sender.status));

    QString digits = submission.destination.trimmed();
    if (digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    if (!plausibleNumber(digits))
        return refuse(st::InvalidDestinationAddress,
                      QStringLiteral("%1 is not a phone number in international format").arg(submission.destination));
    if (config->isStopped(sender.companyId, digits, sender.id))
        return refuse(st::InvalidDestinationAddress,
                      QStringLiteral("%1 is in the stop list for sender ID %2").arg(digits, submission.sender));
    QJsonObject destination;
    try {
        destination = destinationOf(digits);
    } catch (const ApiException &e) {
        return refuse(st::InvalidDestinationAddress, QStringLiteral("%1: %2").arg(submission.destination, e.message));
    }

    AdmissionResult result;
    const QString transactionId = submission.transactionId.isEmpty() ? newTimeOrderedId(now) : submission.transactionId;
    const int parts = int(submission.partTexts.size());
    for (int index = 0; index < parts; ++index) {
        AdmittedPart part;
        part.sender = sender;
        RatingInput &input = part.rating;
        input.agreementId = sender.agreementId;
        input.at = now;
        input.senderId = sender.senderId;
        input.request.domain = submission.channel;
        input.request.resource = resourceOf(submission.channel);
        QHash<QString, QString> attributes{{QStringLiteral("direction"), QStringLiteral("mt")}};
        for (const char *key : {"country", "mcc", "mccmnc", "network"}) {
            const QString value = destination.value(QLatin1String(key)).toString();
            if (!value.isEmpty())
                attributes.insert(QString::fromLatin1(key), value);
        }
        input.request.setAttributes(attributes);
        // A part is one segment; a message counts once, on its first part.
        const int partNumber = parts > 1 ? index + 1 : submission.partNumber;
        input.request.segments = 1;
        input.request.messages = partNumber == 1 ? 1 : 0;
        part.outcome = m_rating.rate(input);
        const QString packRefusal = takeFromPacks(part, now);
        if (!packRefusal.isEmpty() || !part.outcome.priced()) {
            rollback(result.parts);
            rollback({part});
            return refuse(st::SubmitFailed, !packRefusal.isEmpty()     ? packRefusal
                                            : part.outcome.reason.isEmpty() ? QStringLiteral("The message is not priced")
                                                                             : part.outcome.reason);
        }
        // What a pack covers costs the money balance nothing: a unit or bundle pack counts units,
        // a monetary pack spends its own money. Such parts are recorded in the agreement's currency at zero.
        const bool fromPack = isPackType(part.outcome.serviceType);
        const Amount price = fromPack ? Amount() : part.outcome.quote.amount;
        QString currency = fromPack ? QString() : part.outcome.currency;
        if (currency.isEmpty()) {
            const auto position = m_balances.position(sender.agreementId, now);
            currency = position ? position->currency : QString();
        }
        if (const auto refusal = m_balances.reserve(sender.agreementId, currency, price, now)) {
            rollback(result.parts);
            rollback({part});
            return refuse(st::SubmitFailed, refusal->reason);
        }
        part.reserved = price;

        EdrRecord &edr = part.edr;
        edr.acceptedAt = now;
        edr.transactionId = transactionId;
        edr.messageId = newTimeOrderedId(now);
        edr.partNumber = partNumber;
        edr.partCount = parts > 1 ? parts : submission.partCount;
        edr.companyId = sender.companyId;
        edr.agreementId = sender.agreementId;
        edr.channel = submission.channel;
        edr.senderRecordId = sender.id;
        edr.sender = submission.sender;
        edr.destination = digits;
        edr.origin = submission.origin;
        edr.clientConnectionId = submission.clientConnectionId;
        edr.apiKeyId = submission.apiKeyId;
        edr.label = submission.label;
        edr.text = submission.partTexts.at(index);
        edr.dataCoding = submission.dataCoding;
        edr.country = destination.value(QLatin1String("country")).toString();
        edr.mccMnc = destination.value(QLatin1String("mccmnc")).toString();
        edr.network = destination.value(QLatin1String("network")).toString();
        edr.enabledServiceId = part.outcome.enabledServiceId;
        edr.serviceId = part.outcome.serviceId;
        edr.price = price;
        edr.currency = currency;
        edr.packDebit = part.packReserved;
        if (part.outcome.hasQuote && part.outcome.quote.bandCount > 0)
            edr.periodVolume = part.outcome.periodVolume;
        edr.billingRule = part.outcome.quote.billingRule == rating::BillingRule::Delivered ? QStringLiteral("delivered")
                                                                                         : QStringLiteral("submitted");
        result.parts.append(part);
    }
    result.accepted = true;
    return result;
}

} // namespace backoffice::server
