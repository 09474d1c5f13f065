#pragma once

#include "FieldEditor.h"

class QListWidget;

namespace backoffice::views {

// A list of strings. With enum values (company channels) it is a checkable list of those values;
// without, an editable list, one entry per line.
class StringListFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit StringListFieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    QWidget *inputWidget() const override;
    QListWidget *listWidget() const { return m_list; }

private:
    bool hasChoices() const { return !field().enumValues.isEmpty(); }

    QListWidget *m_list;
};

} // namespace backoffice::views
