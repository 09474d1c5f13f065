#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;

namespace backoffice::views {

class FieldCell;

// Lays the cells of a form out in two columns, as the reference forms are, skipping hidden cells
// without leaving holes (which cells show depends on the mode: view, edit or create).
class FieldGrid final : public QWidget
{
    Q_OBJECT
public:
    explicit FieldGrid(QWidget *parent = nullptr);

    void addCell(FieldCell *cell);
    const QList<FieldCell *> &cells() const { return m_cells; }
    void relayout();

private:
    QGridLayout *m_layout;
    QList<FieldCell *> m_cells;
};

} // namespace backoffice::views
