#pragma once

#include "ListContext.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace backoffice {
class ApiReply;
struct EntityDescriptor;
struct FieldDescriptor;
} // namespace backoffice

namespace backoffice::views {

class FieldCell;
class FieldEditor;
class FieldGrid;
class MessageBanner;
class Session;

enum class FormMode { View, Edit, Create };

// A record in its own tab (guide §5): opened in View mode, Edit → Save (Ctrl+S) / Cancel (Esc),
// Delete with confirmation, or Create for New. Fields, editors, required markers and what may be
// changed when come from the entity catalogue; the server's per-field complaints appear under the
// fields and its message on top.
//
// Screens with more than fields (agreement versions, a user's roles, a role's permission grid)
// derive from it and add their parts through the protected hooks; everything else uses it as is.
class EntityForm : public QWidget
{
    Q_OBJECT
public:
    EntityForm(Session *session, ListContext context, QWidget *parent = nullptr);
    ~EntityForm() override;

    const EntityDescriptor &entity() const { return m_entity; }
    const ListContext &context() const { return m_context; }
    FormMode mode() const { return m_mode; }
    qint64 recordId() const { return m_recordId; }
    const QJsonObject &record() const { return m_record; }
    QString title() const;
    bool isBusy() const { return m_busy; }

    // Values given by where the form was opened from, shown but not editable (the agreement of a
    // new agreement version, the kind of a new user).
    void setFixedValues(const QJsonObject &values);
    void openRecord(qint64 id);
    void startCreate(const QJsonObject &prefill = {});

    FieldEditor *editor(const QString &fieldName) const;
    FieldCell *cell(const QString &fieldName) const;
    MessageBanner *banner() const { return m_banner; }
    QPushButton *editButton() const { return m_editButton; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    // Whether the signed-in user may change records of this kind at all.
    bool canManage() const;

public slots:
    void edit();
    virtual void save();
    void cancel();
    void requestDelete();
    void reload();

signals:
    void titleChanged(const QString &title);
    void modeChanged(backoffice::views::FormMode mode);
    void recordLoaded(const QJsonObject &record);
    void saved(const QString &entity, qint64 id);
    void deleted(const QString &entity, qint64 id);
    void closeRequested();
    void busyChanged(bool busy);

protected:
    // Builds the area between the header and the buttons; the default is one grid of fields.
    virtual void buildBody(QVBoxLayout *layout);
    // Fields of the default grid, in catalogue order, without id and time stamps (the header shows them).
    virtual QStringList formFieldNames() const;
    virtual bool isFieldShown(const FieldDescriptor &field, FormMode mode) const;
    virtual bool isFieldEditable(const FieldDescriptor &field, FormMode mode) const;
    // False for records nobody may change (system roles), whatever the permissions say.
    virtual bool canEditRecord() const;
    // False for records the server never deletes (invoices), though some fields may be edited.
    virtual bool canDeleteRecord() const;
    virtual void onRecordLoaded(const QJsonObject &record);
    virtual void onModeChanged(FormMode mode);
    // Values that live outside the editors (a permission grid). In Edit mode only when changed.
    virtual void addExtraValues(QJsonObject *body, FormMode mode) const;
    // Checks before anything is sent; false stops the save (and should say why).
    virtual bool checkBeforeSave();
    // Called after a successful create or update, with the record the server answered.
    virtual void onSaved(const QJsonObject &record);

    Session *session() const { return m_session; }
    // Makes a cell for one field and registers its editor with the form.
    FieldCell *createCell(const QString &fieldName, QWidget *parent);
    // A grid of cells for the given fields (zone fields join their date-time's cell).
    FieldGrid *createGrid(const QStringList &fieldNames, QWidget *parent);
    // Registers an editor the form does not send (a password confirmation).
    FieldCell *createLocalCell(FieldEditor *editor, QWidget *parent);
    // A grid filled by the subclass itself; the form lays it out again when the mode changes.
    void addGrid(FieldGrid *grid) { m_grids << grid; }
    void setBusy(bool busy);
    void applyMode();
    // Shows the error of a failed request: fields under their cells, the rest on top.
    void showFailure(const ApiReply *reply);
    void clearErrors();
    QJsonObject collectValues(FormMode mode) const;

private:
    struct Entry {
        FieldEditor *editor = nullptr;
        FieldCell *cell = nullptr;
        bool submitted = true;
        QJsonObject baseline; // what the editor wrote right after the record was loaded
    };

    void ensureBuilt();
    void setMode(FormMode mode);
    void loadRecord(const QJsonObject &record);
    void updateHeader();
    void wireScopes();
    QString displayText(const FieldDescriptor &field, const QJsonObject &record) const;
    Entry *entryFor(const QString &key);
    const Entry *entryFor(const QString &key) const;
    void onSaveAnswered(ApiReply *reply, FormMode mode);

    Session *m_session;
    ListContext m_context;
    const EntityDescriptor &m_entity;
    FormMode m_mode = FormMode::View;
    qint64 m_recordId = -1;
    QJsonObject m_record;
    QJsonObject m_fixed;
    bool m_built = false;
    bool m_busy = false;

    QList<Entry> m_entries;
    QHash<QString, int> m_entryByKey;
    QList<FieldGrid *> m_grids;

    QLabel *m_title;
    QLabel *m_meta;
    MessageBanner *m_banner;
    QVBoxLayout *m_bodyLayout;
    QPushButton *m_editButton;
    QPushButton *m_saveButton;
    QPushButton *m_cancelButton;
    QPushButton *m_deleteButton;
};

} // namespace backoffice::views
