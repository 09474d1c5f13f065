#pragma once

#include "RateImportSettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QRadioButton;

namespace backoffice::views {

// "Column N import settings" (reference §7.3.2.2.2.1): what a sheet column holds — a rate
// property (price, price type, billing rule, quantity rule, tier) or a resource attribute, and for
// an attribute whether the cells hold the dictionary's keys or one of its attributes ("My values
// are:") and whether to match in full or take the best match.
class ColumnRoleDialog final : public QDialog
{
    Q_OBJECT
public:
    // format: the import's format key; it decides whether Tier and the pricing category are offered.
    ColumnRoleDialog(const ColumnDeclaration &current, const QList<ImportDimension> &dimensions, const QString &format,
                     QWidget *parent = nullptr);

    // The declaration as chosen; the manual mapping is kept when role and dimension stay.
    ColumnDeclaration declaration() const;

    QComboBox *roleBox() const { return m_role; }
    QComboBox *matchByBox() const { return m_matchBy; }
    QComboBox *categoryBox() const { return m_category; }
    QRadioButton *bestMatchButton() const { return m_best; }

private:
    void updateVisibility();
    const ImportDimension *selectedDimension() const;

    ColumnDeclaration m_current;
    QList<ImportDimension> m_dimensions;
    QComboBox *m_role;
    QLabel *m_matchByLabel;
    QComboBox *m_matchBy;
    QLabel *m_matchLabel;
    QWidget *m_matchRow;
    QRadioButton *m_full;
    QRadioButton *m_best;
    QLabel *m_categoryLabel;
    QComboBox *m_category;
    QLabel *m_hint;
};

} // namespace backoffice::views
