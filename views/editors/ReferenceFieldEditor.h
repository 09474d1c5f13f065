#pragma once

#include "FieldEditor.h"

#include <QList>
#include <QPair>

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

class ReferenceComboBox;

// A reference to another record, picked by label from a server-side search.
class ReferenceFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    ReferenceFieldEditor(const FieldDescriptor &field, ApiClient *api, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    void activate() override;
    QWidget *inputWidget() const override;
    ReferenceComboBox *comboBox() const { return m_combo; }

    qint64 currentId() const;
    QString currentLabel() const;
    void setScope(const QList<QPair<QString, QString>> &scope);

private:
    ReferenceComboBox *m_combo;
};

} // namespace backoffice::views
