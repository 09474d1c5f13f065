#pragma once

// Test helper: sheets as compact JSON, so a table row can state a whole grid in one line and a
// failure shows the grid that was read.

#include "SheetReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

inline QString rowsJson(const QList<QStringList> &rows)
{
    QJsonArray grid;
    for (const QStringList &row : rows)
        grid.append(QJsonArray::fromStringList(row));
    return QString::fromUtf8(QJsonDocument(grid).toJson(QJsonDocument::Compact));
}

// The same JSON text normalised (whitespace dropped), for expectations written by hand.
inline QString normalisedJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test expectation is not JSON: %s", qPrintable(json));
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}
