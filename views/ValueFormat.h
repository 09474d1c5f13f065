#pragma once

#include "EntityDescriptor.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// How API values look to people: dates as dd.MM.yyyy, instants in the viewer's (or the record's own)
// time zone, enum keys as their labels, references by their label. Shared by lists and forms so a
// value reads the same everywhere.
namespace backoffice::views::valueformat {

QString datePattern();      // "dd.MM.yyyy"
QString dateTimePattern();  // "dd.MM.yyyy HH:mm"

// "2026-11-21T10:00:00.000Z" -> UTC QDateTime (invalid when the text is not ISO 8601).
QDateTime parseInstant(const QString &text);
// UTC QDateTime -> "2026-11-21T10:00:00.000Z", the form the API takes.
QString instantText(const QDateTime &utc);

QString displayDate(const QString &isoDate);
// An instant shown in the given IANA zone, or in the local zone when zoneId is empty or unknown.
QString displayInstant(const QString &isoInstant, const QString &zoneId = {});

QString enumLabel(const FieldDescriptor &field, const QString &key);

// An amount as the API sends it ("12.3", "0.004210") read exactly through Amount and written with at
// least minDecimals decimals ("12.30", "0.00421"), followed by the currency when one is given. Text that
// is not an amount is returned as it came; an absent value gives an empty text.
QString displayAmount(const QJsonValue &value, const QString &currency = {}, int minDecimals = 2);

// The text of one field of a record as lists and read-only views show it.
QString display(const FieldDescriptor &field, const QJsonObject &record);

// Whether the field holds a number that reads better right-aligned.
bool isNumeric(const FieldDescriptor &field);

// The time zone field that goes with a date-time field ("effectiveFrom" -> "effectiveFromZone"),
// or nullptr when the entity has none.
const FieldDescriptor *zoneFieldFor(const EntityDescriptor &entity, const FieldDescriptor &field);

} // namespace backoffice::views::valueformat
