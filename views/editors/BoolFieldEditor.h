#pragma once

#include "FieldEditor.h"

class QCheckBox;

namespace backoffice::views {

// A yes/no field as a check box.
class BoolFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit BoolFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QCheckBox *checkBox() const { return m_box; }

private:
    QCheckBox *m_box;
};

} // namespace backoffice::views
