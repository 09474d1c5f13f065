#pragma once

#include <QWidget>

namespace backoffice::views {

class EntityForm;
class EntityListView;
class RateTreeEditor;
class Session;
struct ListContext;

// A service in its own tab (reference §7.3.1): its properties (the generic form), its scopes with
// their state and New scope (draft, effective from/till, copy the rate tree from a scope or
// another service), and the constructor of the selected scope's rate tree.
class ServiceView final : public QWidget
{
    Q_OBJECT
public:
    ServiceView(Session *session, const ListContext &context, qint64 serviceId, QWidget *parent = nullptr);

    qint64 serviceId() const { return m_serviceId; }
    EntityForm *form() const { return m_form; }
    EntityListView *scopes() const { return m_scopes; }
    RateTreeEditor *constructor() const { return m_editor; }

    // Shows a scope's tree in the constructor (asks about unsaved edits first).
    bool openScope(qint64 scopeId);
    // True when the tab may close (no unsaved tree edits, or the user let them go).
    bool confirmLeave();
    void createScope();

signals:
    void titleChanged(const QString &title);
    void serviceChanged();

private:
    Session *m_session;
    qint64 m_serviceId;
    EntityForm *m_form;
    EntityListView *m_scopes;
    RateTreeEditor *m_editor;
};

} // namespace backoffice::views
