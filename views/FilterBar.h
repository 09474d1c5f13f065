#pragma once

#include "EntityDescriptor.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QHBoxLayout;

namespace backoffice::views {

// The active filters of a list as removable chips ("Company contains “acme” ×"), so what narrows
// the list is always visible and one click away from gone.
class FilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(const EntityDescriptor &entity, QWidget *parent = nullptr);

    void setFilters(const QList<QPair<QString, QString>> &filters);

signals:
    void removeRequested(const QString &parameter);
    void clearRequested();

private:
    const EntityDescriptor &m_entity;
    QHBoxLayout *m_layout;
};

} // namespace backoffice::views
