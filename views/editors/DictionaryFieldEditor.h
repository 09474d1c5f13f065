#pragma once

#include "FieldEditor.h"

class QComboBox;

namespace backoffice::views {

// Country, currency or time zone: a combo box one can type into to narrow the list ("spa" finds
// Spain). The lists come from model/Dictionaries, the same ISO/IANA data the server validates with.
class DictionaryFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit DictionaryFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QComboBox *comboBox() const { return m_combo; }

    // The code currently chosen ("ES"), or what was typed when it matches no entry.
    QString code() const;
    void setCode(const QString &code);

private:
    void fill();

    QComboBox *m_combo;
};

} // namespace backoffice::views
