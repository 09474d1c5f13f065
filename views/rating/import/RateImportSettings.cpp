#include "RateImportSettings.h"

#include "RatingCatalogue.h"

#include <QCoreApplication>

namespace backoffice::views {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ImportSettings", text);
}

} // namespace

QList<ImportDimension> ImportDimension::listFromJson(const QJsonArray &array)
{
    QList<ImportDimension> list;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        ImportDimension dimension;
        dimension.key = object.value(QLatin1String("dimension")).toString();
        dimension.label = object.value(QLatin1String("label")).toString(dimension.key);
        dimension.open = object.value(QLatin1String("open")).toBool();
        for (const QJsonValue &choice : object.value(QLatin1String("matchBy")).toArray()) {
            const QJsonObject c = choice.toObject();
            dimension.matchBy.append(
                {c.value(QLatin1String("key")).toString(), c.value(QLatin1String("label")).toString()});
        }
        // A dictionary without attributes still matches by its keys.
        if (dimension.matchBy.isEmpty())
            dimension.matchBy.append({QStringLiteral("key"), tr("Key")});
        if (!dimension.key.isEmpty())
            list.append(dimension);
    }
    return list;
}

QString ImportDimension::matchByLabel(const QString &matchByKey) const
{
    for (const MatchByChoice &choice : matchBy) {
        if (choice.key == matchByKey)
            return choice.label;
    }
    return matchByKey;
}

QString ColumnDeclaration::roleKey(Role role)
{
    switch (role) {
    case Role::Ignore: return QStringLiteral("ignore");
    case Role::Attribute: return QStringLiteral("attribute");
    case Role::Price: return QStringLiteral("price");
    case Role::PriceType: return QStringLiteral("priceType");
    case Role::BillingRule: return QStringLiteral("billingRule");
    case Role::QuantityRule: return QStringLiteral("quantityRule");
    case Role::Tier: return QStringLiteral("tier");
    }
    return {};
}

QString ColumnDeclaration::roleLabel(Role role)
{
    switch (role) {
    case Role::Ignore: return tr("Do not import");
    case Role::Attribute: return tr("Attribute");
    case Role::Price: return tr("Price");
    case Role::PriceType: return tr("Price type");
    case Role::BillingRule: return tr("Billing rule");
    case Role::QuantityRule: return tr("Quantity rule");
    case Role::Tier: return tr("Tier");
    }
    return {};
}

QJsonObject ColumnDeclaration::toJson() const
{
    QJsonObject object {{QStringLiteral("column"), column}, {QStringLiteral("role"), roleKey(role)}};
    if (role == Role::Attribute) {
        object.insert(QStringLiteral("dimension"), dimension);
        object.insert(QStringLiteral("matchBy"), matchBy.isEmpty() ? QStringLiteral("key") : matchBy);
        object.insert(QStringLiteral("match"), bestMatch ? QStringLiteral("best") : QStringLiteral("full"));
    }
    if (role == Role::Price && !pricingCategory.isEmpty())
        object.insert(QStringLiteral("pricingCategory"), pricingCategory);
    if (!manual.isEmpty()) {
        QJsonObject map;
        for (auto it = manual.cbegin(); it != manual.cend(); ++it) {
            // A tier is mapped to its first unit, which the contract takes as a number.
            if (role == Role::Tier)
                map.insert(it.key(), it.value().toLongLong());
            else
                map.insert(it.key(), it.value());
        }
        object.insert(QStringLiteral("manual"), map);
    }
    return object;
}

QString ColumnDeclaration::describe(const QList<ImportDimension> &dimensions) const
{
    if (role == Role::Attribute) {
        QString label = dimension;
        for (const ImportDimension &d : dimensions) {
            if (d.key == dimension)
                label = d.label;
        }
        // The short keys read better in a header than the dictionary attributes' long labels; a
        // dictionary's "label" attribute is what the "My values are" list calls its name.
        const QString by = matchBy == QLatin1String("label") ? tr("name") : matchBy;
        return tr("%1 (%2, %3)").arg(label, by, bestMatch ? tr("best") : tr("full"));
    }
    if (role == Role::Price && !pricingCategory.isEmpty()) {
        QString category = pricingCategory;
        for (const MatchByChoice &choice : whatsappPricingCategories()) {
            if (choice.key == pricingCategory)
                category = choice.label;
        }
        return tr("Price (%1)").arg(category);
    }
    return roleLabel(role);
}

QJsonObject ImportSettings::toJson() const
{
    QJsonArray columnArray;
    for (const ColumnDeclaration &declaration : columns) {
        if (declaration.role != ColumnDeclaration::Role::Ignore)
            columnArray.append(declaration.toJson());
    }
    return {{QStringLiteral("startRow"), startRow},
            {QStringLiteral("duplicates"), duplicates},
            {QStringLiteral("mode"), merge ? QStringLiteral("merge") : QStringLiteral("replace")},
            {QStringLiteral("columns"), columnArray},
            {QStringLiteral("structure"), QJsonArray::fromStringList(structure)}};
}

const ColumnDeclaration *ImportSettings::declaration(int column) const
{
    auto it = columns.constFind(column);
    return it == columns.cend() ? nullptr : &it.value();
}

QStringList ImportSettings::declaredDimensions() const
{
    QStringList list;
    for (const ColumnDeclaration &declaration : columns) {
        if (declaration.role == ColumnDeclaration::Role::Attribute && !list.contains(declaration.dimension))
            list << declaration.dimension;
    }
    return list;
}

QList<MatchByChoice> whatsappPricingCategories()
{
    // The rate tree's own pricing categories: the keys the server checks price columns against.
    QList<MatchByChoice> choices;
    for (const rating::DimensionValueInfo &value : rating::RatingCatalogue::dimensionValues(rating::Dimension::PricingCategory))
        choices.append({value.key, value.label});
    return choices;
}

QString columnLetters(int column)
{
    QString name;
    for (int n = column; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

} // namespace backoffice::views
