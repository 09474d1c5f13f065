#pragma once

#include "RatingTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace backoffice::server::rateimport {

// The file formats of the staff manual (§7.3.2): Standard for every channel but WhatsApp, WhatsApp
// basic (one price column per pricing category), WhatsApp tier (a price per volume tier).
enum class ImportFormat : quint8 { Standard, WhatsappBasic, WhatsappTier };
QString importFormatKey(ImportFormat format);
std::optional<ImportFormat> importFormatFromKey(const QString &key);

enum class ColumnRole : quint8 { Attribute, Price, PriceType, BillingRule, QuantityRule, Tier, Ignore };
QString columnRoleKey(ColumnRole role);

enum class DuplicateRule : quint8 { TakeFirst, TakeLast, Error };

// Replace: the node's branch becomes what the sheet holds. Merge: the sheet's branches go into it and
// the rest of the branch stays (see ImportMerge.h).
enum class ImportMode : quint8 { Replace, Merge };

// What one sheet column holds (see docs/API.md, "Rate imports").
struct ColumnSetting {
    int column = 0; // 1-based
    ColumnRole role = ColumnRole::Ignore;
    rating::Dimension dimension = rating::Dimension::Country; // Attribute only
    int matchBy = 0; // index into the dimension dictionary's match-by options; 0 is the key
    bool bestMatch = false;
    QString pricingCategory; // WhatsApp basic price columns
    QHash<QString, QString> manual; // cell text -> chosen value
};

struct ImportSettings {
    int startRow = 1;
    DuplicateRule duplicates = DuplicateRule::TakeFirst;
    ImportMode mode = ImportMode::Replace;
    QList<ColumnSetting> columns; // in the order the user declared them, ignored ones left out
    QList<rating::Dimension> structure; // empty: the attribute columns in their order

    // Reads the API form; problems go to errors keyed by field ("columns[2].dimension"). Checks
    // what does not need the sheet: known names, one column per role, roles the format allows.
    static ImportSettings fromJson(const QJsonObject &json, ImportFormat format, QHash<QString, QString> &errors);

    const ColumnSetting *columnWithRole(ColumnRole role) const;
    QList<const ColumnSetting *> columnsWithRole(ColumnRole role) const;
    const ColumnSetting *attributeColumn(rating::Dimension dimension) const;
};

} // namespace backoffice::server::rateimport
