#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace backoffice {

// The kinds of value a field of an entity can hold. The server maps each kind to a column type and
// a JSON representation; the desktop maps each kind to an editor.
enum class FieldType {
    Id,          // int64 primary key, read-only
    Text,        // single-line string
    LongText,    // multi-line string
    Bool,
    Integer,     // int64
    Money,       // decimal string in JSON ("1000.50"), int64 micro-units in storage
    Date,        // "YYYY-MM-DD"
    DateTime,    // ISO 8601 UTC "YYYY-MM-DDTHH:MM:SS.zzzZ"
    Enum,        // one of FieldDescriptor::enumValues
    Reference,   // int64 id of a record of FieldDescriptor::referenceEntity
    Country,     // ISO 3166-1 alpha-2
    Currency,    // ISO 4217 alpha-3
    TimeZone,    // IANA time zone id
    EmailList,   // comma separated e-mail addresses
    StringList,  // JSON array of strings (stored as JSON text), values from enumValues when given
    ReferenceList, // JSON array of ids of FieldDescriptor::referenceEntity (stored in a link table)
    Json,        // free JSON object (stored as JSON text)
};

struct EnumValue {
    QString key;    // stored and sent over the API
    QString label;  // shown to people
};

struct FieldDescriptor {
    QString name;              // camelCase JSON key, e.g. "legalEntityId"
    QString label;             // e.g. "Legal entity"
    FieldType type = FieldType::Text;
    bool required = false;     // must be present and non-empty on create (and never cleared)
    bool readOnly = false;     // computed or maintained by the server, never written by clients
    bool createOnly = false;   // may be set on create, not changed afterwards
    bool listed = true;        // shown as a list column by default
    bool secret = false;       // write-only (passwords): never returned by the API
    int maxLength = 0;         // 0 = no limit
    QList<EnumValue> enumValues;
    QString referenceEntity;   // for Reference/ReferenceList: the entity name, e.g. "companies"

    // Key of the display text that list and item payloads carry next to a reference id:
    // "companyId" -> "companyName". Empty for other field types.
    QString referenceLabelKey() const;
    bool isReference() const { return type == FieldType::Reference || type == FieldType::ReferenceList; }
};

// Describes one kind of record the API serves: its fields, where it lives in the permission
// catalogue and how people call it. Shared by the server (storage, validation, OpenAPI) and the
// desktop (list columns, forms), so the two can never disagree about a field.
struct EntityDescriptor {
    QString name;              // URL segment and catalogue key, e.g. "legal-entities"
    QString singular;          // "Legal entity"
    QString plural;            // "Legal entities"
    QString permissionArea;    // key in the permission catalogue, e.g. "legalEntities"
    QString displayField;      // field shown when another record refers to this one
    QString defaultSort;       // e.g. "-id"
    QList<FieldDescriptor> fields;
    bool readOnlyCollection = false; // e.g. the audit log

    const FieldDescriptor *field(const QString &fieldName) const;
    QStringList fieldNames() const;
};

} // namespace backoffice
