#pragma once

#include "RateImportSettings.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

class DimensionValueSearch;

// Manual mapping of one column (reference §7.3.2.2.3): every distinct cell text of the column with
// what the automatic match made of it — orange when nothing matched, green when mapped by hand —
// and, for the selected text, the way to choose its value: a dictionary search for an attribute
// (Others included), a decimal or a price type for a price, the rule's values for a rule column.
// OK hands back the column's "manual" map; the analysis is then run again.
class ValueMappingDialog final : public QDialog
{
    Q_OBJECT
public:
    // column: the analysis' entry for the column ({values: [{text, rows, key, label, how}]}).
    ValueMappingDialog(ApiClient &api, const ColumnDeclaration &declaration, const QString &title,
                       const QJsonObject &column, QWidget *parent = nullptr);

    QMap<QString, QString> manual() const { return m_manual; }
    // Maps the cell text to value (label: what to show); empty value clears the manual mapping.
    void setManual(const QString &text, const QString &value, const QString &label);
    // Selects the row of a cell text; false when the column has no such text.
    bool selectText(const QString &text);

    QTableWidget *valueTable() const { return m_table; }
    DimensionValueSearch *search() const { return m_search; }
    QLineEdit *priceEdit() const { return m_price; }
    QComboBox *choiceBox() const { return m_choice; }

    enum ValueColumn { TextColumn, RowsColumn, MatchColumn, HowColumn };

protected:
    // Enter in the search or the price field maps the value there; it does not close the dialog.
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *buildEditor(ApiClient &api);
    void fillRow(int row);
    QString selectedText() const;
    void applyEditor();

    ColumnDeclaration m_declaration;
    QMap<QString, QString> m_manual;
    QMap<QString, QString> m_manualLabels; // text -> label of the value chosen in this dialog
    QTableWidget *m_table;
    QLabel *m_selected;
    DimensionValueSearch *m_search = nullptr;
    QLineEdit *m_price = nullptr;
    QComboBox *m_choice = nullptr;
    QSpinBox *m_tier = nullptr;
    QPushButton *m_set = nullptr;
    QPushButton *m_clear;
};

} // namespace backoffice::views
