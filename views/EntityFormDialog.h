#pragma once

#include <QDialog>

namespace backoffice::views {

class EntityForm;

// A form in a window of its own, for records created from inside another record (a new agreement
// version from the agreement's tab). Closes when the form saves or is cancelled.
class EntityFormDialog final : public QDialog
{
    Q_OBJECT
public:
    EntityFormDialog(EntityForm *form, QWidget *parent = nullptr);

    EntityForm *form() const { return m_form; }

signals:
    void recordSaved(qint64 id);

private:
    EntityForm *m_form;
};

} // namespace backoffice::views
