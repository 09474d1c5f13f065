#include "ImportAnalysis.h"

#include "RateTree.h"

namespace backoffice::server::rateimport {

QJsonObject ImportDiff::countsJson() const
{
    return {{QStringLiteral("new"), added},       {QStringLiteral("removed"), removed},
            {QStringLiteral("up"), up},           {QStringLiteral("down"), down},
            {QStringLiteral("unchanged"), unchanged}, {QStringLiteral("changed"), changed}};
}

QJsonObject ImportDiff::toJson() const
{
    QJsonObject json = countsJson();
    QJsonArray list;
    for (const DiffItem &item : items)
        list.append(QJsonObject {{QStringLiteral("path"), QJsonArray::fromStringList(item.path)},
                                 {QStringLiteral("labels"), QJsonArray::fromStringList(item.labels)},
                                 {QStringLiteral("kind"), item.kind},
                                 {QStringLiteral("before"), item.before},
                                 {QStringLiteral("after"), item.after}});
    json.insert(QStringLiteral("items"), list);
    json.insert(QStringLiteral("truncated"), truncated);
    return json;
}

void ImportAnalysis::addProblem(qint64 row, int column, const QString &message, bool blocking)
{
    ++problemCount;
    if (blocking)
        ++blockingCount;
    if (problems.size() < ProblemLimit)
        problems.append({row, column, message, blocking});
}

namespace {

QJsonArray dimensionKeys(const QList<rating::Dimension> &dimensions)
{
    QJsonArray keys;
    for (rating::Dimension dimension : dimensions)
        keys.append(rating::dimensionKey(dimension));
    return keys;
}

QJsonObject columnJson(const ColumnAnalysis &column)
{
    QJsonObject json {{QStringLiteral("column"), column.setting.column},
                      {QStringLiteral("role"), columnRoleKey(column.setting.role)},
                      {QStringLiteral("matched"), column.matched},
                      {QStringLiteral("unmatched"), column.unmatched}};
    if (column.setting.role == ColumnRole::Attribute)
        json.insert(QStringLiteral("dimension"), rating::dimensionKey(column.setting.dimension));
    if (!column.setting.pricingCategory.isEmpty())
        json.insert(QStringLiteral("pricingCategory"), column.setting.pricingCategory);
    QJsonArray values;
    for (const auto &[text, resolved] : column.values) {
        QJsonObject value {{QStringLiteral("text"), text},
                           {QStringLiteral("rows"), resolved.rows},
                           {QStringLiteral("firstRow"), resolved.firstRow},
                           {QStringLiteral("how"), matchHowKey(resolved.how)}};
        if (!resolved.value.isEmpty()) {
            value.insert(QStringLiteral("key"), resolved.value);
            value.insert(QStringLiteral("label"), resolved.label);
        }
        if (!resolved.problem.isEmpty())
            value.insert(QStringLiteral("problem"), resolved.problem);
        values.append(value);
    }
    json.insert(QStringLiteral("values"), values);
    return json;
}

} // namespace

QJsonArray ImportAnalysis::nodesJson() const
{
    QJsonArray json;
    for (const rating::RateNode &node : nodes)
        json.append(rating::RateTree::nodeToJson(node));
    return json;
}

QJsonObject ImportAnalysis::toJson(bool includeNodes) const
{
    QJsonArray columnList;
    for (const ColumnAnalysis &column : columns)
        columnList.append(columnJson(column));
    QJsonArray problemList;
    for (const ImportProblem &problem : problems) {
        QJsonObject json {{QStringLiteral("message"), problem.message}, {QStringLiteral("blocking"), problem.blocking}};
        if (problem.row > 0)
            json.insert(QStringLiteral("row"), problem.row);
        if (problem.column > 0)
            json.insert(QStringLiteral("column"), problem.column);
        problemList.append(json);
    }
    return {{QStringLiteral("ready"), ready()},
            {QStringLiteral("records"), records},
            {QStringLiteral("skippedRows"), skippedRows},
            {QStringLiteral("structure"), dimensionKeys(structure)},
            {QStringLiteral("derivable"), dimensionKeys(derivable)},
            {QStringLiteral("columns"), columnList},
            {QStringLiteral("problems"), problemList},
            {QStringLiteral("problemCount"), problemCount},
            {QStringLiteral("blockingCount"), blockingCount},
            {QStringLiteral("tree"), QJsonObject {{QStringLiteral("nodeId"), nodeId},
                                                  {QStringLiteral("nodeCount"), nodes.size()},
                                                  {QStringLiteral("nodes"), includeNodes ? nodesJson() : QJsonArray()}}},
            {QStringLiteral("diff"), diff.toJson()}};
}

} // namespace backoffice::server::rateimport
