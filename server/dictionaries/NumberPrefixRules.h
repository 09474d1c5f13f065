#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Rules of "number-prefixes": digits-only unique prefixes, MCC/MNC formats, the network name filled
// in from the MCC/MNC list, and rows shipped with BackOffice kept read-only (403).
class NumberPrefixRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;

    // Normalises and checks the prefix, country and MCC/MNC values of one row (shared with the CSV
    // import); fills the network name from the MCC/MNC list when it is empty.
    static void checkValues(QJsonObject &row, FieldErrors &errors);
    static bool isShipped(const QJsonObject &record);
};

} // namespace backoffice::server
