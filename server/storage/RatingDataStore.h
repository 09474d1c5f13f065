#pragma once

#include "Amount.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace backoffice::server {

// The rows the rating engine keeps in memory, as plain values. Instants are UTC.
struct ServiceRow {
    qint64 id = 0;
    QString name;
    QString type; // payg | unitPack | monetaryPack | bundleInitiator | bundlePack
    QString currency;
    bool archived = false;
    qint64 units = 0; // size of unit and bundle packs
    qint64 amountMicros = 0; // size of monetary packs
};

struct ScopeRow {
    qint64 id = 0;
    qint64 serviceId = 0;
    QDateTime from;
    QDateTime till; // invalid: open-ended
    bool draft = false;
};

struct EnabledServiceRow {
    qint64 id = 0;
    qint64 agreementId = 0;
    qint64 serviceId = 0;
    QDateTime from;
    QDateTime till; // invalid: open-ended
    qint64 companyId = 0; // the agreement's company (for the access check of quotes)
    bool charged = false; // billing "charge": the pack's purchase is written off
    bool autoExtend = false; // bundle packs: bought again when used up
    int rounds = 1; // bundle packs: how many times bought so far
};

// The terms of an agreement that rating needs at one instant: the version in force then.
struct AgreementRatingTerms {
    QString currency;
    QString billingPeriod; // daily | weekly | monthly | quarterly
    int billingDay = 1;
    QString billingTimeZone;
    bool splitByMonth = false;
    QDateTime versionFrom; // the version's bounds: its periods are cut there
    QDateTime versionTill; // invalid: open-ended
};

// Units to add to a scale volume counter (addVolume), e.g. with the charge of a message part.
struct VolumeEntry {
    qint64 agreementId = 0;
    qint64 nodeId = 0;
    QString counterKey;
    QDateTime periodStart;
    qint64 units = 0;
    Amount charged; // what the parts counted were charged (back-to-first corrections need it)
    bool backToFirst = false;
};

// Reads for the rating engine and the enabled-service rules, and the scale volume counters.
class RatingDataStore final
{
public:
    explicit RatingDataStore(QSqlDatabase db);

    QList<ServiceRow> services() const;
    QList<ScopeRow> scopes() const;
    QList<EnabledServiceRow> enabledServices(std::optional<qint64> agreementId = std::nullopt) const;
    // The service domains (channels) at the roots of any of the service's scope trees.
    QStringList channelsOf(qint64 serviceId) const;
    std::optional<AgreementRatingTerms> agreementTerms(qint64 agreementId, const QDateTime &at) const;

    // Units counted for a scale node in the period starting at periodStart (UTC).
    qint64 volume(qint64 agreementId, qint64 nodeId, const QString &counterKey, const QDateTime &periodStart) const;
    // Adds the entry's units and charged amount to its counter (creating it), returning the volume
    // before the addition.
    qint64 addVolume(const VolumeEntry &entry);

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
