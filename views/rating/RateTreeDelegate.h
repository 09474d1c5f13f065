#pragma once

#include <QStyledItemDelegate>

namespace backoffice::views {

class RateTreeModel;

// Inline editors of the constructor, made only for the cell being edited (no per-row widgets):
// the node's value (choices from the parent's dimension, free text for open sets), one combo for
// the price type that also picks the dimension of "Depends on", an exact-decimal price field and
// the two rule combos with "Default" for inheriting.
class RateTreeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RateTreeDelegate(RateTreeModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

    // The choices the price type combo offers for a node: key ("flat", "depends:country") and label.
    static QList<QPair<QString, QString>> priceTypeChoices(bool root);

private:
    RateTreeModel *m_model;
};

} // namespace backoffice::views
