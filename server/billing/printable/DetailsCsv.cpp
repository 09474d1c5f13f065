#include "DetailsCsv.h"

#include <QRegularExpression>

namespace backoffice::printable {

namespace {

QString guardFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('@') || first == QLatin1Char('\t')
        || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + text;
    if (first == QLatin1Char('+') || first == QLatin1Char('-')) {
        static const QRegularExpression plainNumber(QStringLiteral("^[+-][0-9]+([.][0-9]+)?$"));
        if (!plainNumber.match(text).hasMatch())
            return QLatin1Char('\'') + text;
    }
    return text;
}

void appendField(QByteArray &out, const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!quote) {
        out += text.toUtf8();
        return;
    }
    QString doubled = text;
    doubled.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    out += '"';
    out += doubled.toUtf8();
    out += '"';
}

void appendRow(QByteArray &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        appendField(out, fields.at(i));
    }
    out += "\r\n";
}

} // namespace

QByteArray DetailsCsv::write(const QList<QStringList> &cells)
{
    const QList<DetailColumn> &columns = DetailColumns::all();
    QByteArray out("\xEF\xBB\xBF");
    appendRow(out, DetailColumns::labels());
    for (const QStringList &row : cells) {
        QStringList fields = row;
        for (qsizetype c = 0; c < fields.size() && c < columns.size(); ++c) {
            if (columns.at(c).kind == DetailKind::Text)
                fields[c] = guardFormula(fields.at(c));
        }
        appendRow(out, fields);
    }
    return out;
}

} // namespace backoffice::printable
