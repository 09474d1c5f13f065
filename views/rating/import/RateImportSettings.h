#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace backoffice::views {

// One way of matching a dictionary: "key" or one of its dictionary attributes ("name", "alpha3").
struct MatchByChoice {
    QString key;
    QString label;
};

// A dimension an attribute column may be imported as, as the import object lists it
// (`dimensions[]` of GET rate-imports/{id}).
struct ImportDimension {
    QString key; // "country"
    QString label; // "Country"
    bool open = false; // network, MNO, pack: unknown cell text is taken as it is
    QList<MatchByChoice> matchBy;

    static QList<ImportDimension> listFromJson(const QJsonArray &array);
    QString matchByLabel(const QString &matchByKey) const;
};

// What one sheet column holds (docs/API.md "Settings", columns[]). Ignore is the same as leaving
// the column out, so it is never sent.
struct ColumnDeclaration {
    enum class Role { Ignore, Attribute, Price, PriceType, BillingRule, QuantityRule, Tier };

    int column = 0; // 1-based
    Role role = Role::Ignore;
    QString dimension; // Attribute
    QString matchBy = QStringLiteral("key"); // Attribute
    bool bestMatch = false; // Attribute
    QString pricingCategory; // Price in WhatsApp basic
    QMap<QString, QString> manual; // cell text -> value, overriding the automatic match

    static QString roleKey(Role role);
    static QString roleLabel(Role role);
    QJsonObject toJson() const;
    // The column header once declared: "Country (name, best)", "Price (marketing)", "Billing rule".
    QString describe(const QList<ImportDimension> &dimensions) const;
    // Columns whose values can be mapped by hand (everything but Ignore).
    bool isMappable() const { return role != Role::Ignore; }
};

// The settings POSTed to rate-imports/{id}/analysis and …/apply.
struct ImportSettings {
    int startRow = 1;
    QString duplicates = QStringLiteral("first"); // first, last, error
    bool merge = false; // keep what the sheet does not mention (mode "merge"), else replace the branch
    QMap<int, ColumnDeclaration> columns; // by 1-based column; Ignore never stored
    QStringList structure; // tree levels below the node, dimension keys

    QJsonObject toJson() const;
    const ColumnDeclaration *declaration(int column) const;
    // The dimensions declared by attribute columns, in column order.
    QStringList declaredDimensions() const;
};

// Labels of the WhatsApp pricing categories a price column may name (API keys of the contract).
QList<MatchByChoice> whatsappPricingCategories();

// Spreadsheet column letters ("A", "B", … "AA"), as staff know columns from Excel and as the server
// names them in its messages.
QString columnLetters(int column);

} // namespace backoffice::views
