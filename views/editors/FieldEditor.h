#pragma once

#include "EntityDescriptor.h"

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

namespace backoffice::views {

class Session;

// Edits one field of a record (guide §5: forms from field descriptors). Each FieldType has its own
// editor; the form only loads records into editors and collects their values, so a new field in
// the catalogue appears in every form without screen code.
class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    explicit FieldEditor(const FieldDescriptor &field, QWidget *parent = nullptr);

    // The editor for the field's type. entity is the record's entity (a date-time looks there for
    // its zone field); session gives reference pickers their API client.
    static FieldEditor *create(const FieldDescriptor &field, const EntityDescriptor &entity, Session *session,
                               QWidget *parent = nullptr);

    const FieldDescriptor &field() const { return m_field; }

    // The JSON keys this editor reads and writes: a date-time with its zone covers two.
    virtual QStringList keys() const { return {m_field.name}; }
    // Shows the value a record holds (and, for references, the label the record carries with it).
    virtual void load(const QJsonObject &record) = 0;
    // Writes the edited value into a request body.
    virtual void store(QJsonObject *body) const = 0;
    // A problem the desktop can see without asking the server (an e-mail that is not one), or empty.
    virtual QString localProblem() const { return {}; }
    // Called when the editor becomes usable: pickers fetch their first choices only then.
    virtual void activate() {}
    // The widget that takes focus (and gets a test's key clicks).
    virtual QWidget *inputWidget() const = 0;

signals:
    void changed();

private:
    const FieldDescriptor &m_field;
};

} // namespace backoffice::views
