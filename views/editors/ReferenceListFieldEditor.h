#pragma once

#include "FieldEditor.h"

#include <QList>
#include <QPair>

class QListWidget;

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

class ReferenceComboBox;

// Several references (roles of a user, companies of a role) as chips with a remove button, and a
// search box to add more.
class ReferenceListFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    ReferenceListFieldEditor(const FieldDescriptor &field, ApiClient *api, QWidget *parent = nullptr);

    void load(const QJsonObject &record) override;
    void store(QJsonObject *body) const override;
    void activate() override;
    QWidget *inputWidget() const override;
    ReferenceComboBox *picker() const { return m_picker; }

    QList<qint64> ids() const;
    QStringList labels() const;
    void addReference(qint64 id, const QString &label);
    void removeReference(qint64 id);
    void clearReferences();
    void setScope(const QList<QPair<QString, QString>> &scope);

private:
    void layoutChips();

    ReferenceComboBox *m_picker;
    QListWidget *m_chips;
    QList<QPair<qint64, QString>> m_items;
};

} // namespace backoffice::views
