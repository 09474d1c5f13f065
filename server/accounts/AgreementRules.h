#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Agreements: parties must belong together (legal entity and bank account of the company, own
// bank account of the own legal entity); a new agreement gets its first version from the terms
// sent with it.
class AgreementRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void committed(qint64 id) override;
};

// Agreement versions: terms valid over [effective from, effective till) with no overlap between
// versions of one agreement. Versions that have started cannot be deleted, nor the only one, and
// expired versions cannot be changed.
class AgreementVersionRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;
    void committed(qint64 id) override;

    // Checks and completes the terms of a version (defaults for billing day, split by month).
    // agreementId 0: a new agreement (nothing to overlap); excludeVersionId: the version being edited.
    static void checkTerms(WriteContext &context, qint64 agreementId, qint64 excludeVersionId, QJsonObject &terms,
                           FieldErrors &errors);
    static QStringList termFields();
};

} // namespace backoffice::server
