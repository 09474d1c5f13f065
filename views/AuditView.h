#pragma once

#include <QWidget>

namespace backoffice::views {

class AuditDetailView;
class EntityListView;
class Session;

// The audit screen (reference §12): the filterable log above, the selected record's old and new
// values below; the list's Export downloads audit/export.csv with the same filters.
class AuditView final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditView(Session *session, QWidget *parent = nullptr);

    EntityListView *list() const { return m_list; }
    AuditDetailView *detail() const { return m_detail; }

private:
    EntityListView *m_list;
    AuditDetailView *m_detail;
};

} // namespace backoffice::views
