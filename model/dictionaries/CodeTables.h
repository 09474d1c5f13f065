#pragma once

#include <QList>
#include <QString>

namespace backoffice {

// Small fixed code tables the messaging and pricing features refer to by key. Keys are stable
// (stored in rate trees, prices and settings); labels are what people read.
struct CodeEntry {
    QString key;
    QString label;
};

struct CodeTable {
    QString name; // as in the API path: "whatsapp-regions"
    QString title; // "WhatsApp regions"
    QList<CodeEntry> entries;

    bool contains(const QString &key) const;
    QString label(const QString &key) const; // empty when unknown
};

namespace codetables {
inline const QString whatsAppRegions = QStringLiteral("whatsapp-regions");
inline const QString whatsAppPricingCategories = QStringLiteral("pricing-categories");
inline const QString whatsAppPricingTypes = QStringLiteral("pricing-types");
inline const QString rcsMessageTypes = QStringLiteral("rcs-message-types");
inline const QString senderIdTypes = QStringLiteral("sender-id-types");
inline const QString periodicities = QStringLiteral("periodicities");

// Every table, in the order above.
const QList<CodeTable> &all();
// The table by name; asserts the name exists.
const CodeTable &get(const QString &name);
} // namespace codetables

} // namespace backoffice
