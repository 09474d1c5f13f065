#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace backoffice::views {

// The "Changes" tab of the import preview: how the imported tree differs from the one in force
// (new, removed, up, down, unchanged, changed leaves) and the leaves themselves, filterable by kind.
class ImportDiffView final : public QWidget
{
    Q_OBJECT
public:
    enum Column { PathColumn, KeysColumn, KindColumn, BeforeColumn, AfterColumn, ColumnCount };
    static constexpr int KindRole = Qt::UserRole + 1;

    explicit ImportDiffView(QWidget *parent = nullptr);

    // diff: {new, removed, up, down, unchanged, changed, items: [{path, labels, kind, before, after}], truncated}
    void setDiff(const QJsonObject &diff);
    // Shows only one kind ("up", "new"…); empty: every kind.
    void setKindFilter(const QString &kind);

    QLabel *countsLabel() const { return m_counts; }
    QComboBox *kindBox() const { return m_kind; }
    QTableView *table() const { return m_table; }
    QStandardItemModel *itemsModel() const { return m_items; }
    QSortFilterProxyModel *filteredModel() const { return m_filter; }

    static QString kindLabel(const QString &kind);
    static const QStringList &kinds();

private:
    QLabel *m_counts;
    QComboBox *m_kind;
    QStandardItemModel *m_items;
    QSortFilterProxyModel *m_filter;
    QTableView *m_table;
    QLabel *m_truncated;
};

} // namespace backoffice::views
