#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// Every entity the API serves, by name ("companies", "legal-entities", ...). The single source of
// truth for fields: storage, validation, OpenAPI and desktop forms all read it.
class EntityCatalogue final
{
public:
    static const QList<EntityDescriptor> &all();
    static const EntityDescriptor *find(const QString &name);
    static const EntityDescriptor &get(const QString &name); // asserts the name exists
};

namespace entities {
inline const QString companies = QStringLiteral("companies");
inline const QString legalEntities = QStringLiteral("legal-entities");
inline const QString ownLegalEntities = QStringLiteral("own-legal-entities");
inline const QString banks = QStringLiteral("banks");
inline const QString bankAccounts = QStringLiteral("bank-accounts");
inline const QString ownBankAccounts = QStringLiteral("own-bank-accounts");
inline const QString agreements = QStringLiteral("agreements");
inline const QString agreementVersions = QStringLiteral("agreement-versions");
inline const QString users = QStringLiteral("users");
inline const QString roles = QStringLiteral("roles");
inline const QString audit = QStringLiteral("audit");
inline const QString numberPrefixes = QStringLiteral("number-prefixes"); // dictionaries area
inline const QString services = QStringLiteral("services");
inline const QString serviceScopes = QStringLiteral("service-scopes");
inline const QString enabledServices = QStringLiteral("enabled-services");
} // namespace entities

} // namespace backoffice
