#include "NumberPrefixImport.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "Database.h"
#include "DestinationResolver.h"
#include "EntityCatalogue.h"
#include "EntityRepository.h"
#include "EntityService.h"
#include "EntityTables.h"
#include "ListQuery.h"
#include "NumberPrefixRules.h"
#include "SessionContext.h"
#include "Transaction.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>

namespace backoffice::server {

namespace {

constexpr int maxLines = 100000;
constexpr int maxReportedErrors = 200;

const QStringList &columnNames()
{
    static const QStringList names {QStringLiteral("prefix"), QStringLiteral("country"), QStringLiteral("mcc"),
                                    QStringLiteral("mnc"), QStringLiteral("network")};
    return names;
}

QString lineKey(qsizetype line)
{
    return QStringLiteral("line %1").arg(line);
}

QString describe(const FieldErrors &errors)
{
    QStringList parts;
    for (const QString &column : columnNames()) {
        if (errors.contains(column))
            parts << column + QStringLiteral(" ") + errors.value(column);
    }
    return parts.join(QStringLiteral("; "));
}

bool sameValues(const QJsonObject &stored, const QJsonObject &row)
{
    for (const QString &column : columnNames()) {
        if (stored.value(column).toString() != row.value(column).toString())
            return false;
    }
    return true;
}

} // namespace

bool NumberPrefixImport::parseCsv(const QByteArray &data, QList<QStringList> *records, QString *error)
{
    const QString text = QString::fromUtf8(data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data);
    QStringList record;
    QString cell;
    bool quoted = false;
    bool cellStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"') && !cellStarted) {
            quoted = true;
            cellStarted = true;
        } else if (c == QLatin1Char(',')) {
            record << cell;
            cell.clear();
            cellStarted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record << cell;
            records->append(record);
            record.clear();
            cell.clear();
            cellStarted = false;
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (quoted) {
        *error = QStringLiteral("a quoted value is not closed");
        return false;
    }
    if (cellStarted || !record.isEmpty()) {
        record << cell;
        records->append(record);
    }
    return true;
}

QJsonObject NumberPrefixImport::run(Database &database, const QByteArray &csv, const SessionContext &session)
{
    EntityService::requireAccess(session, QStringLiteral("dictionaries"), AccessLevel::Manage);
    QList<QStringList> records;
    QString csvError;
    if (!parseCsv(csv, &records, &csvError))
        throw ApiException::validation({{QStringLiteral("csv"), csvError}}, QStringLiteral("The CSV cannot be read"));

    // Columns: by the header row when there is one, else in the documented order.
    QList<qsizetype> columnOf {0, 1, 2, 3, 4};
    qsizetype first = 0;
    if (!records.isEmpty()
        && records.first().value(0).trimmed().compare(QLatin1String("prefix"), Qt::CaseInsensitive) == 0) {
        columnOf = {-1, -1, -1, -1, -1};
        const QStringList header = records.first();
        for (qsizetype i = 0; i < header.size(); ++i) {
            const qsizetype known = columnNames().indexOf(header.at(i).trimmed().toLower());
            if (known < 0)
                throw ApiException::validation({{lineKey(1),
                                                 QStringLiteral("unknown column \"%1\" (expected %2)")
                                                     .arg(header.at(i), columnNames().join(QLatin1Char(',')))}},
                                               QStringLiteral("The CSV header is not valid; nothing was imported"));
            columnOf[known] = i;
        }
        if (columnOf.at(1) < 0)
            throw ApiException::validation({{lineKey(1), QStringLiteral("the column \"country\" is missing")}},
                                           QStringLiteral("The CSV header is not valid; nothing was imported"));
        first = 1;
    }
    if (records.size() - first > maxLines)
        throw ApiException::validation(
            {{QStringLiteral("csv"), QStringLiteral("has more than %1 lines").arg(maxLines)}});

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlDatabase db = database.connection();
    const EntityDescriptor &entity = EntityCatalogue::get(entities::numberPrefixes);
    EntityRepository repository(db, entity);
    QHash<QString, QJsonObject> existing;
    ListQuery everything;
    everything.limit = 0;
    repository.forEach(everything, now, [&existing](const QJsonObject &row) {
        existing.insert(row.value(QLatin1String("prefix")).toString(), row);
    });

    // Check every line before writing anything.
    FieldErrors errors;
    QList<QJsonObject> rows;
    QHash<QString, qsizetype> lineOfPrefix;
    for (qsizetype r = first; r < records.size(); ++r) {
        const QStringList &record = records.at(r);
        const qsizetype line = r + 1;
        if (record.size() == 1 && record.first().trimmed().isEmpty())
            continue; // blank line
        QJsonObject row;
        for (qsizetype c = 0; c < columnNames().size(); ++c)
            row.insert(columnNames().at(c), columnOf.at(c) >= 0 ? record.value(columnOf.at(c)) : QString());
        FieldErrors rowErrors;
        if (record.size() > columnNames().size() && first == 0)
            rowErrors.insert(QStringLiteral("network"), QStringLiteral("is followed by extra columns"));
        NumberPrefixRules::checkValues(row, rowErrors);
        const QString prefix = row.value(QLatin1String("prefix")).toString();
        if (rowErrors.isEmpty()) {
            if (lineOfPrefix.contains(prefix))
                rowErrors.insert(QStringLiteral("prefix"),
                                 QStringLiteral("%1 is also on line %2").arg(prefix).arg(lineOfPrefix.value(prefix)));
            else if (NumberPrefixRules::isShipped(existing.value(prefix)))
                rowErrors.insert(QStringLiteral("prefix"),
                                 QStringLiteral("%1 is shipped with BackOffice and cannot be changed").arg(prefix));
        }
        if (!rowErrors.isEmpty()) {
            if (errors.size() < maxReportedErrors)
                errors.insert(lineKey(line), describe(rowErrors));
            else
                errors.insert(QStringLiteral("more"), QStringLiteral("further lines have errors too"));
            continue;
        }
        lineOfPrefix.insert(prefix, line);
        rows.append(row);
    }
    if (!errors.isEmpty())
        throw ApiException::validation(errors,
                                       QStringLiteral("Lines with errors: %1; nothing was imported")
                                           .arg(errors.contains(QStringLiteral("more"))
                                                    ? QStringLiteral("more than %1").arg(maxReportedErrors)
                                                    : QString::number(errors.size())));
    if (rows.isEmpty())
        throw ApiException::validation({{QStringLiteral("csv"), QStringLiteral("holds no prefixes")}},
                                       QStringLiteral("Nothing to import"));

    const QString stamp = now.toString(Qt::ISODateWithMs);
    const QString table = EntityTables::forEntity(entity).table;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    Transaction transaction(db);
    AuditLog audit(db);
    for (QJsonObject row : std::as_const(rows)) {
        const auto found = existing.constFind(row.value(QLatin1String("prefix")).toString());
        if (found == existing.cend()) {
            row.insert(QStringLiteral("source"), QStringLiteral("user"));
            row.insert(QStringLiteral("createdAt"), stamp);
            row.insert(QStringLiteral("updatedAt"), stamp);
            const qint64 id = repository.insert(row);
            row.insert(QStringLiteral("id"), id);
            audit.record({now, session.actor, table, QStringLiteral("create"), id, {}, row, std::nullopt});
            ++created;
        } else if (sameValues(found.value(), row)) {
            ++unchanged;
        } else {
            const qint64 id = found.value().value(QLatin1String("id")).toInteger();
            row.insert(QStringLiteral("updatedAt"), stamp);
            repository.update(id, row);
            QJsonObject after = found.value();
            for (auto it = row.constBegin(); it != row.constEnd(); ++it)
                after.insert(it.key(), it.value());
            audit.record({now, session.actor, table, QStringLiteral("update"), id, found.value(), after, std::nullopt});
            ++updated;
        }
    }
    transaction.commit();
    DestinationResolver::markPrefixesChanged();
    return {{QStringLiteral("created"), created},
            {QStringLiteral("updated"), updated},
            {QStringLiteral("unchanged"), unchanged},
            {QStringLiteral("total"), created + updated + unchanged}};
}

} // namespace backoffice::server
