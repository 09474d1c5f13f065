#include "DetailColumns.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace backoffice::printable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::printable::DetailColumns", text);
}

// Enough to fix a caller's mistake without burying the message under ten thousand identical lines.
constexpr int MaxReportedProblems = 10;

// The headings are part of the file format (customers' scripts read them), so they are not
// translated: the same file whatever language the server runs in.
QList<DetailColumn> makeColumns()
{
    const auto column = [](const char *key, const char *label, DetailKind kind) {
        return DetailColumn {QString::fromLatin1(key), QString::fromLatin1(label), kind};
    };
    return {
        column("chargeId", "Charge ID", DetailKind::Integer),
        column("source", "Source", DetailKind::Text),
        column("periodStart", "Period start", DetailKind::Text),
        column("periodEnd", "Period end", DetailKind::Text),
        column("service", "Service", DetailKind::Text),
        column("resource", "Resource", DetailKind::Text),
        column("senderId", "Sender ID", DetailKind::Text),
        column("rateId", "Rate ID", DetailKind::Integer),
        column("priceType", "Price type", DetailKind::Text),
        column("scaleType", "Scale type", DetailKind::Text),
        column("scaleTier", "Scale tier", DetailKind::Integer),
        column("scaleGroup", "Scale group", DetailKind::Text),
        column("price", "Price", DetailKind::Decimal),
        column("count", "Count (billable)", DetailKind::Integer),
        column("volume", "Volume (billable)", DetailKind::Decimal),
        column("net", "Net", DetailKind::Decimal),
        column("tax", "Tax", DetailKind::Decimal),
        column("total", "Total", DetailKind::Decimal),
        column("currency", "Currency", DetailKind::Text),
    };
}

bool matchesKind(const QString &text, DetailKind kind)
{
    static const QRegularExpression integer(QStringLiteral("^-?[0-9]+$"));
    static const QRegularExpression decimal(QStringLiteral("^-?[0-9]+(\\.[0-9]{1,6})?$"));
    switch (kind) {
    case DetailKind::Text: return true;
    case DetailKind::Integer: return integer.match(text).hasMatch();
    case DetailKind::Decimal: return decimal.match(text).hasMatch();
    }
    return false;
}

QString expectation(DetailKind kind)
{
    switch (kind) {
    case DetailKind::Text: return tr("text or null");
    case DetailKind::Integer: return tr("whole-number text such as \"42\", or null");
    case DetailKind::Decimal: return tr("decimal text such as \"12.50\" (at most 6 decimals, no grouping), or null");
    }
    return {};
}

} // namespace

const QList<DetailColumn> &DetailColumns::all()
{
    static const QList<DetailColumn> columns = makeColumns();
    return columns;
}

QStringList DetailColumns::labels()
{
    QStringList labels;
    for (const DetailColumn &column : all())
        labels.append(column.label);
    return labels;
}

std::optional<QList<QStringList>> DetailColumns::cells(const QList<QJsonObject> &rows, QString *error)
{
    QSet<QString> known;
    for (const DetailColumn &column : all())
        known.insert(column.key);

    QStringList problems;
    qsizetype problemCount = 0;
    const auto problem = [&problems, &problemCount](qsizetype row, const QString &message) {
        if (++problemCount <= MaxReportedProblems)
            problems.append(tr("charge detail row %1: %2").arg(row + 1).arg(message));
    };

    QList<QStringList> cells;
    cells.reserve(rows.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonObject &row = rows.at(r);
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            if (!known.contains(it.key()))
                problem(r, tr("unknown column '%1'").arg(it.key()));
        }
        QStringList line;
        line.reserve(all().size());
        for (const DetailColumn &column : all()) {
            const auto found = row.constFind(column.key);
            if (found == row.constEnd()) {
                problem(r, tr("column '%1' is missing (null when it does not apply)").arg(column.key));
                line.append(QString());
                continue;
            }
            const QJsonValue value = found.value();
            if (value.isNull()) {
                line.append(QString());
                continue;
            }
            if (!value.isString() || !matchesKind(value.toString(), column.kind)) {
                problem(r, tr("'%1' must be %2").arg(column.key, expectation(column.kind)));
                line.append(QString());
                continue;
            }
            line.append(value.toString());
        }
        cells.append(line);
    }
    if (problemCount > MaxReportedProblems)
        problems.append(tr("… %1 problems in all").arg(problemCount));
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char('\n'));
        return std::nullopt;
    }
    return cells;
}

} // namespace backoffice::printable
