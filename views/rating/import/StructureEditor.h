#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QToolButton;

namespace backoffice::views {

// "Tree structure" of the import settings (reference §7.3.2.2.1): the levels the imported tree gets
// below the node, one dimension each. Levels follow the order in which attribute columns were
// declared; they can be reordered by drag and drop or Up/Down, and levels that can be derived from
// a declared one (analysis.derivable) can be added — and removed again, unlike the declared ones.
class StructureEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit StructureEditor(QWidget *parent = nullptr);

    // "Resource: SMS message": the node the levels hang from.
    void setRootText(const QString &text);
    void setDimensionLabels(const QHash<QString, QString> &labels);
    // The dimensions declared by columns, in declaration order: new ones are appended, ones no
    // longer declared go (unless added by hand), the user's order is kept for the rest.
    void setDeclared(const QStringList &declared);
    // What may be added by hand (from the last analysis).
    void setDerivable(const QStringList &derivable);

    QStringList levels() const { return m_levels; }
    bool isManual(const QString &dimension) const { return m_manual.contains(dimension); }
    // The programmatic forms of the buttons (the tests and the context menu use them).
    bool addLevel(const QString &dimension);
    bool removeLevel(const QString &dimension);
    bool moveLevel(const QString &dimension, int delta);

    QListWidget *list() const { return m_list; }
    QToolButton *addButton() const { return m_add; }

signals:
    void levelsChanged(const QStringList &levels);

private:
    void rebuild();
    void readBackOrder();
    void updateButtons();
    QString currentDimension() const;
    QString labelOf(const QString &dimension) const;

    QLabel *m_root;
    QListWidget *m_list;
    QPushButton *m_up;
    QPushButton *m_down;
    QToolButton *m_add;
    QPushButton *m_remove;
    QStringList m_levels;
    QSet<QString> m_manual;
    QStringList m_derivable;
    QHash<QString, QString> m_labels;
    bool m_rebuilding = false;
};

} // namespace backoffice::views
