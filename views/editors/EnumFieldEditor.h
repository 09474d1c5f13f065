#pragma once

#include "FieldEditor.h"

class QComboBox;

namespace backoffice::views {

// One of the field's enum values, by label; sends the key.
class EnumFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit EnumFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QComboBox *comboBox() const { return m_combo; }
    QString key() const;
    void setKey(const QString &key);

private:
    QComboBox *m_combo;
};

} // namespace backoffice::views
