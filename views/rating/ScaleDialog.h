#pragma once

#include "RatingTypes.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace backoffice::views {

// The scale of a node: Tier or Back-to-First, the counter the volume is kept in, and its bands
// (from which unit, at what price). Checks the bands before it closes: the first starts at 0,
// starts ascend, prices are exact decimals.
class ScaleDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ScaleDialog(const rating::Scale &scale, bool readOnly, QWidget *parent = nullptr);

    rating::Scale scale() const { return m_scale; }
    QTableWidget *bandTable() const { return m_bands; }
    QComboBox *modeBox() const { return m_mode; }
    QComboBox *counterBox() const { return m_counter; }
    void addBand();
    void removeBand();
    // Reads the editors into scale(); false (with the reason shown) when something is wrong.
    bool collect();

    void accept() override;

private:
    rating::Scale m_scale;
    QComboBox *m_mode;
    QComboBox *m_counter;
    QTableWidget *m_bands;
    QLabel *m_error;
};

} // namespace backoffice::views
