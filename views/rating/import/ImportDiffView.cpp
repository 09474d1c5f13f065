#include "ImportDiffView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

QString joined(const QJsonArray &array, const QString &separator)
{
    QStringList parts;
    for (const QJsonValue &value : array)
        parts << value.toString();
    return parts.join(separator);
}

} // namespace

const QStringList &ImportDiffView::kinds()
{
    static const QStringList list {QStringLiteral("new"),  QStringLiteral("removed"), QStringLiteral("up"),
                                   QStringLiteral("down"), QStringLiteral("changed"), QStringLiteral("unchanged")};
    return list;
}

QString ImportDiffView::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("new"))
        return tr("New");
    if (kind == QLatin1String("removed"))
        return tr("Removed");
    if (kind == QLatin1String("up"))
        return tr("Price up");
    if (kind == QLatin1String("down"))
        return tr("Price down");
    if (kind == QLatin1String("changed"))
        return tr("Changed");
    if (kind == QLatin1String("unchanged"))
        return tr("Unchanged");
    return kind;
}

ImportDiffView::ImportDiffView(QWidget *parent)
    : QWidget(parent)
    , m_counts(new QLabel(this))
    , m_kind(new QComboBox(this))
    , m_items(new QStandardItemModel(0, ColumnCount, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_truncated(new QLabel(this))
{
    setObjectName(QStringLiteral("importDiffView"));
    m_counts->setObjectName(QStringLiteral("diffCounts"));
    m_counts->setWordWrap(true);
    m_kind->setObjectName(QStringLiteral("diffKindFilter"));
    m_kind->addItem(tr("All changes"), QString());
    for (const QString &kind : kinds())
        m_kind->addItem(kindLabel(kind), kind);
    m_items->setHorizontalHeaderLabels({tr("Path"), tr("Keys"), tr("Kind"), tr("Before"), tr("After")});
    m_filter->setSourceModel(m_items);
    m_filter->setFilterKeyColumn(KindColumn);
    m_filter->setFilterRole(KindRole);
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setModel(m_filter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the server's order (by path) until a header is clicked
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(PathColumn, 320);
    m_table->horizontalHeader()->resizeSection(KeysColumn, 180);
    m_table->horizontalHeader()->resizeSection(KindColumn, 110);
    m_table->horizontalHeader()->resizeSection(BeforeColumn, 260);
    m_truncated->setObjectName(QStringLiteral("diffTruncated"));
    m_truncated->setWordWrap(true);
    m_truncated->hide();

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_counts, 1);
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    filterRow->addWidget(m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_truncated);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { setKindFilter(m_kind->currentData().toString()); });
}

void ImportDiffView::setKindFilter(const QString &kind)
{
    const int at = m_kind->findData(kind);
    if (at >= 0 && at != m_kind->currentIndex()) {
        m_kind->setCurrentIndex(at); // comes back here through the signal
        return;
    }
    // The whole key, not a part of it: "up" must not also show "unchanged".
    m_filter->setFilterRegularExpression(kind.isEmpty() ? QString()
                                                        : QStringLiteral("^%1$").arg(QRegularExpression::escape(kind)));
}

void ImportDiffView::setDiff(const QJsonObject &diff)
{
    QStringList counts;
    for (const QString &kind : kinds())
        counts << tr("%1: %2").arg(kindLabel(kind)).arg(diff.value(kind).toInteger());
    m_counts->setText(counts.join(QStringLiteral(" · ")));

    m_items->removeRows(0, m_items->rowCount());
    const QJsonArray items = diff.value(QLatin1String("items")).toArray();
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString kind = item.value(QLatin1String("kind")).toString();
        auto *path = new QStandardItem(joined(item.value(QLatin1String("labels")).toArray(), QStringLiteral(" › ")));
        auto *keys = new QStandardItem(joined(item.value(QLatin1String("path")).toArray(), QStringLiteral(" / ")));
        auto *kindItem = new QStandardItem(kindLabel(kind));
        kindItem->setData(kind, KindRole);
        // Removals and price rises need a second look (red); new rates and price falls are green.
        if (kind == QLatin1String("up") || kind == QLatin1String("removed"))
            kindItem->setForeground(QColor(176, 0, 32));
        else if (kind == QLatin1String("down") || kind == QLatin1String("new"))
            kindItem->setForeground(QColor(27, 120, 40));
        auto *before = new QStandardItem(item.value(QLatin1String("before")).toString());
        auto *after = new QStandardItem(item.value(QLatin1String("after")).toString());
        m_items->appendRow({path, keys, kindItem, before, after});
    }
    const bool truncated = diff.value(QLatin1String("truncated")).toBool();
    m_truncated->setText(tr("Only the first %n leaves are listed.", nullptr, int(items.size())));
    m_truncated->setVisible(truncated);
}

} // namespace backoffice::views
