#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class QListWidget;
class QTableWidget;

namespace backoffice::views {

// The analysis' problems ({row, column, message, blocking}) as people read them, shared by the
// settings panel (a short list) and the preview's Errors tab (the table of all of them).
namespace importProblems {

// "Row 3, column 4: No price: the row is not imported".
QString text(const QJsonObject &problem);
// Blocking problems first (red), then the warnings; at most limit entries, then a line saying how
// many more there are (total: the analysis' problemCount).
void fillList(QListWidget *list, const QJsonArray &problems, int total, int limit);
// Columns: Row, Column, Severity, Message. Everything the analysis sent.
void fillTable(QTableWidget *table, const QJsonArray &problems);

} // namespace importProblems

} // namespace backoffice::views
