#include "ColumnStatusList.h"

#include "RateImportSettings.h"

#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>

namespace backoffice::views {

namespace {

using Role = ColumnDeclaration::Role;

QString statusOf(const ColumnDeclaration &declaration, const QJsonObject &column)
{
    if (column.isEmpty())
        return ColumnStatusList::tr("Not analysed yet");
    const int unmatched = int(column.value(QLatin1String("unmatched")).toInteger());
    if (declaration.role == Role::Price) {
        // A price column lists only the cell texts that are not prices.
        return unmatched == 0 ? ColumnStatusList::tr("All values are prices")
                              : ColumnStatusList::tr("%n value(s) not a price", nullptr, unmatched);
    }
    return unmatched == 0 ? ColumnStatusList::tr("All values matched")
                          : ColumnStatusList::tr("No match for %n value(s)", nullptr, unmatched);
}

} // namespace

ColumnStatusList::ColumnStatusList(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
    , m_empty(new QLabel(tr("No column is declared yet: click a column header of the sheet."), this))
{
    setObjectName(QStringLiteral("columnStatusList"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
    m_empty->setWordWrap(true);
    m_grid->addWidget(m_empty, 0, 0, 1, 3);
}

void ColumnStatusList::showAnalysis(const ImportSettings &settings, const QList<ImportDimension> &dimensions,
                                    const QJsonObject &analysis)
{
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    m_buttons.clear();
    m_texts.clear();
    m_columns.clear();
    for (const QJsonValue &value : analysis.value(QLatin1String("columns")).toArray()) {
        const QJsonObject column = value.toObject();
        m_columns.insert(int(column.value(QLatin1String("column")).toInteger()), column);
    }
    int row = 0;
    for (const ColumnDeclaration &declaration : settings.columns) {
        if (declaration.role == Role::Ignore)
            continue;
        const QJsonObject column = m_columns.value(declaration.column);
        const QString status = statusOf(declaration, column);
        m_texts.insert(declaration.column, status);
        const bool problem = column.value(QLatin1String("unmatched")).toInteger() > 0;
        auto *name = new QLabel(tr("%1: %2").arg(columnLetters(declaration.column), declaration.describe(dimensions)), this);
        name->setWordWrap(true); // the panel is narrow; long declarations wrap instead of scrolling
        auto *state = new QLabel(status, this);
        state->setWordWrap(true);
        state->setObjectName(QStringLiteral("columnStatus%1").arg(declaration.column));
        if (problem)
            state->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        auto *map = new QPushButton(tr("Map…"), this);
        map->setObjectName(QStringLiteral("mapColumn%1").arg(declaration.column));
        map->setEnabled(!column.isEmpty());
        const int number = declaration.column;
        connect(map, &QPushButton::clicked, this, [this, number] { emit mapRequested(number); });
        m_grid->addWidget(name, row, 0);
        m_grid->addWidget(state, row, 1);
        m_grid->addWidget(map, row, 2);
        m_rowWidgets << name << state << map;
        m_buttons.insert(number, map);
        ++row;
    }
    m_empty->setVisible(row == 0);
}

QString ColumnStatusList::statusText(int column) const
{
    return m_texts.value(column);
}

} // namespace backoffice::views
