#pragma once

#include "FieldEditor.h"

class QCheckBox;
class QDateEdit;

namespace backoffice::views {

// A calendar date ("2026-11-21"). An optional date has a check box in front: unchecked is "no date".
class DateFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit DateFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QDateEdit *dateEdit() const { return m_edit; }
    QCheckBox *setBox() const { return m_set; }

private:
    QDateEdit *m_edit;
    QCheckBox *m_set = nullptr;
};

} // namespace backoffice::views
