#pragma once

#include "RateImportSettings.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace backoffice::views {

// One line per declared column in the import settings: what the automatic mapping made of it
// ("All values matched", "No match for 3 values") and a Map… button that opens the manual mapping
// (reference §7.3.2.2.3).
class ColumnStatusList final : public QWidget
{
    Q_OBJECT
public:
    explicit ColumnStatusList(QWidget *parent = nullptr);

    void showAnalysis(const ImportSettings &settings, const QList<ImportDimension> &dimensions,
                      const QJsonObject &analysis);
    QString statusText(int column) const;
    QPushButton *mapButton(int column) const { return m_buttons.value(column); }
    // The analysis' entry for a column, or an empty object.
    QJsonObject analysisColumn(int column) const { return m_columns.value(column); }

signals:
    void mapRequested(int column);

private:
    QGridLayout *m_grid;
    QLabel *m_empty;
    QList<QWidget *> m_rowWidgets;
    QHash<int, QString> m_texts;
    QHash<int, QPushButton *> m_buttons;
    QHash<int, QJsonObject> m_columns;
};

} // namespace backoffice::views
