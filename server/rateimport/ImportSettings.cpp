#include "ImportSettings.h"

#include "DimensionDictionary.h"

#include <QJsonArray>
#include <QSet>

namespace backoffice::server::rateimport {

using rating::Dimension;

QString importFormatKey(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Standard: return QStringLiteral("standard");
    case ImportFormat::WhatsappBasic: return QStringLiteral("whatsappBasic");
    case ImportFormat::WhatsappTier: return QStringLiteral("whatsappTier");
    }
    return {};
}

std::optional<ImportFormat> importFormatFromKey(const QString &key)
{
    for (ImportFormat format : {ImportFormat::Standard, ImportFormat::WhatsappBasic, ImportFormat::WhatsappTier})
        if (importFormatKey(format) == key)
            return format;
    return std::nullopt;
}

QString columnRoleKey(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Attribute: return QStringLiteral("attribute");
    case ColumnRole::Price: return QStringLiteral("price");
    case ColumnRole::PriceType: return QStringLiteral("priceType");
    case ColumnRole::BillingRule: return QStringLiteral("billingRule");
    case ColumnRole::QuantityRule: return QStringLiteral("quantityRule");
    case ColumnRole::Tier: return QStringLiteral("tier");
    case ColumnRole::Ignore: return QStringLiteral("ignore");
    }
    return {};
}

namespace {

std::optional<ColumnRole> columnRoleFromKey(const QString &key)
{
    for (ColumnRole role : {ColumnRole::Attribute, ColumnRole::Price, ColumnRole::PriceType, ColumnRole::BillingRule,
                            ColumnRole::QuantityRule, ColumnRole::Tier, ColumnRole::Ignore})
        if (columnRoleKey(role) == key)
            return role;
    return std::nullopt;
}

constexpr int MaxColumn = 16384; // XFD, the last column of a worksheet

// Reads one entry of "columns"; false when it cannot be used (errors then say why).
bool readColumn(const QJsonObject &json, const QString &field, ImportFormat format, ColumnSetting &column,
                QHash<QString, QString> &errors)
{
    const QJsonValue number = json.value(QLatin1String("column"));
    column.column = number.isDouble() ? number.toInt() : 0;
    if (!number.isDouble() || number.toDouble() != double(column.column) || column.column < 1 || column.column > MaxColumn) {
        errors.insert(field + QStringLiteral(".column"), QStringLiteral("must be a column number from 1"));
        return false;
    }
    const auto role = columnRoleFromKey(json.value(QLatin1String("role")).toString());
    if (!role) {
        errors.insert(field + QStringLiteral(".role"),
                      QStringLiteral("must be attribute, price, priceType, billingRule, quantityRule, tier or ignore"));
        return false;
    }
    column.role = *role;
    if (column.role == ColumnRole::Tier && format != ImportFormat::WhatsappTier) {
        errors.insert(field + QStringLiteral(".role"), QStringLiteral("a tier column belongs to the WhatsApp tier format"));
        return false;
    }
    if (column.role == ColumnRole::PriceType && format != ImportFormat::Standard) {
        errors.insert(field + QStringLiteral(".role"), QStringLiteral("WhatsApp formats take prices only"));
        return false;
    }
    if (column.role == ColumnRole::Attribute) {
        const auto dimension = rating::dimensionFromKey(json.value(QLatin1String("dimension")).toString());
        if (!dimension || *dimension == Dimension::Resource) {
            errors.insert(field + QStringLiteral(".dimension"), QStringLiteral("must be a rate attribute (country, network, mccmnc, …)"));
            return false;
        }
        if (format == ImportFormat::WhatsappBasic && *dimension == Dimension::PricingCategory) {
            errors.insert(field + QStringLiteral(".dimension"),
                          QStringLiteral("in WhatsApp basic the pricing category comes from the price columns"));
            return false;
        }
        column.dimension = *dimension;
        const DimensionDictionary &dictionary = DimensionDictionary::of(column.dimension);
        const QString matchBy = json.value(QLatin1String("matchBy")).toString(QStringLiteral("key"));
        column.matchBy = dictionary.matchByIndex(matchBy);
        if (column.matchBy < 0) {
            errors.insert(field + QStringLiteral(".matchBy"),
                          QStringLiteral("\"%1\" is not an attribute of this dictionary").arg(matchBy));
            return false;
        }
        const QString match = json.value(QLatin1String("match")).toString(QStringLiteral("full"));
        if (match != QLatin1String("full") && match != QLatin1String("best")) {
            errors.insert(field + QStringLiteral(".match"), QStringLiteral("must be full or best"));
            return false;
        }
        column.bestMatch = match == QLatin1String("best");
    }
    if (column.role == ColumnRole::Price && format == ImportFormat::WhatsappBasic) {
        column.pricingCategory = json.value(QLatin1String("pricingCategory")).toString();
        if (!DimensionDictionary::of(Dimension::PricingCategory).findKey(column.pricingCategory)) {
            errors.insert(field + QStringLiteral(".pricingCategory"),
                          QStringLiteral("each WhatsApp basic price column needs its pricing category"));
            return false;
        }
        column.pricingCategory = DimensionDictionary::of(Dimension::PricingCategory).findKey(column.pricingCategory)->key;
    }
    const QJsonObject manual = json.value(QLatin1String("manual")).toObject();
    for (auto it = manual.begin(); it != manual.end(); ++it) {
        // Whole numbers may come as JSON numbers (tiers); prices only as text, never through a double.
        const double number = it.value().toDouble();
        const bool wholeNumber = it.value().isDouble() && number == double(qint64(number)) && qAbs(number) < 1e15;
        if (!it.value().isString() && !wholeNumber) {
            errors.insert(field + QStringLiteral(".manual"),
                          QStringLiteral("maps cell texts to values given as text (or whole numbers)"));
            return false;
        }
        column.manual.insert(it.key().trimmed(),
                             wholeNumber ? QString::number(qint64(number)) : it.value().toString().trimmed());
    }
    return true;
}

} // namespace

ImportSettings ImportSettings::fromJson(const QJsonObject &json, ImportFormat format, QHash<QString, QString> &errors)
{
    ImportSettings settings;
    const QJsonValue startRow = json.value(QLatin1String("startRow"));
    if (!startRow.isUndefined() && !startRow.isNull()) {
        settings.startRow = startRow.toInt(0);
        if (!startRow.isDouble() || settings.startRow < 1)
            errors.insert(QStringLiteral("startRow"), QStringLiteral("must be a row number from 1"));
    }
    const QString duplicates = json.value(QLatin1String("duplicates")).toString(QStringLiteral("first"));
    if (duplicates == QLatin1String("first"))
        settings.duplicates = DuplicateRule::TakeFirst;
    else if (duplicates == QLatin1String("last"))
        settings.duplicates = DuplicateRule::TakeLast;
    else if (duplicates == QLatin1String("error"))
        settings.duplicates = DuplicateRule::Error;
    else
        errors.insert(QStringLiteral("duplicates"), QStringLiteral("must be first, last or error"));

    const QString mode = json.value(QLatin1String("mode")).toString(QStringLiteral("replace"));
    if (mode == QLatin1String("replace") || mode == QLatin1String("merge"))
        settings.mode = mode == QLatin1String("merge") ? ImportMode::Merge : ImportMode::Replace;
    else
        errors.insert(QStringLiteral("mode"), QStringLiteral("must be replace or merge"));

    const QJsonArray columns = json.value(QLatin1String("columns")).toArray();
    QSet<int> seenColumns;
    QSet<Dimension> seenDimensions;
    QSet<ColumnRole> seenRoles;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QString field = QStringLiteral("columns[%1]").arg(i);
        ColumnSetting column;
        if (!readColumn(columns[i].toObject(), field, format, column, errors) || column.role == ColumnRole::Ignore)
            continue;
        if (seenColumns.contains(column.column)) {
            errors.insert(field + QStringLiteral(".column"), QStringLiteral("column %1 is declared twice").arg(column.column));
            continue;
        }
        seenColumns.insert(column.column);
        if (column.role == ColumnRole::Attribute) {
            if (seenDimensions.contains(column.dimension)) {
                errors.insert(field + QStringLiteral(".dimension"),
                              QStringLiteral("another column already holds %1").arg(rating::dimensionKey(column.dimension)));
                continue;
            }
            seenDimensions.insert(column.dimension);
        } else {
            const bool manyPrices = column.role == ColumnRole::Price && format == ImportFormat::WhatsappBasic;
            if (seenRoles.contains(column.role) && !manyPrices) {
                errors.insert(field + QStringLiteral(".role"),
                              QStringLiteral("another column is already the %1 column").arg(columnRoleKey(column.role)));
                continue;
            }
            seenRoles.insert(column.role);
        }
        settings.columns.append(column);
    }
    QSet<QString> categories;
    for (const ColumnSetting &column : settings.columns) {
        if (column.role == ColumnRole::Price && !column.pricingCategory.isEmpty()) {
            if (categories.contains(column.pricingCategory))
                errors.insert(QStringLiteral("columns"),
                              QStringLiteral("two price columns are for %1").arg(column.pricingCategory));
            categories.insert(column.pricingCategory);
        }
    }

    const QJsonArray structure = json.value(QLatin1String("structure")).toArray();
    for (qsizetype i = 0; i < structure.size(); ++i) {
        const auto dimension = rating::dimensionFromKey(structure[i].toString());
        const QString field = QStringLiteral("structure[%1]").arg(i);
        if (!dimension || *dimension == Dimension::Resource)
            errors.insert(field, QStringLiteral("must be a rate attribute"));
        else if (settings.structure.contains(*dimension))
            errors.insert(field, QStringLiteral("%1 is listed twice").arg(rating::dimensionKey(*dimension)));
        else if (format == ImportFormat::WhatsappBasic && *dimension == Dimension::PricingCategory)
            errors.insert(field, QStringLiteral("in WhatsApp basic the pricing category is always the last level"));
        else
            settings.structure.append(*dimension);
    }
    return settings;
}

const ColumnSetting *ImportSettings::columnWithRole(ColumnRole role) const
{
    for (const ColumnSetting &column : columns)
        if (column.role == role)
            return &column;
    return nullptr;
}

QList<const ColumnSetting *> ImportSettings::columnsWithRole(ColumnRole role) const
{
    QList<const ColumnSetting *> found;
    for (const ColumnSetting &column : columns)
        if (column.role == role)
            found.append(&column);
    return found;
}

const ColumnSetting *ImportSettings::attributeColumn(Dimension dimension) const
{
    for (const ColumnSetting &column : columns)
        if (column.role == ColumnRole::Attribute && column.dimension == dimension)
            return &column;
    return nullptr;
}

} // namespace backoffice::server::rateimport
