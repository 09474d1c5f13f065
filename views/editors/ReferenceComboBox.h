#pragma once

#include <QComboBox>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QPointer>

class QTimer;

#include "ApiClient.h"
#include "EntityDescriptor.h"

namespace backoffice::views {

// Picks a record of another collection by its label. Typing asks the server (`q=`) for matching
// records rather than loading the whole collection, so it works the same with ten companies or a
// million. A scope narrows the choices (legal entities of the chosen company).
class ReferenceComboBox final : public QComboBox
{
    Q_OBJECT
public:
    ReferenceComboBox(ApiClient *api, const QString &entity, QWidget *parent = nullptr);

    const EntityDescriptor &entity() const { return m_entity; }
    // Extra parameters of every lookup ("companyId" -> "5"). Changing it looks up again.
    void setScope(const QList<QPair<QString, QString>> &scope);
    // Records the server should not offer (a company cannot be its own parent).
    void setExcludedId(qint64 id) { m_excludedId = id; }

    qint64 currentId() const { return m_currentId; }
    QString currentLabel() const;
    void setCurrent(qint64 id, const QString &label);
    void clearCurrent();

    // First lookup with an empty search; later calls do nothing until the scope changes.
    void ensureLoaded();
    bool isLookingUp() const { return m_pending != nullptr; }
    void lookUp(const QString &text);

    void showPopup() override;

signals:
    void currentIdChanged(qint64 id);
    void lookupFinished(bool ok, const QString &message);

private:
    void onTextEdited(const QString &text);
    void onAnswer(ApiReply *reply);
    void choose(int index);
    QString labelOf(const QJsonObject &item) const;

    ApiClient *m_api;
    const EntityDescriptor &m_entity;
    QList<QPair<QString, QString>> m_scope;
    qint64 m_excludedId = -1;
    qint64 m_currentId = -1;
    QString m_currentLabel;
    bool m_loaded = false;
    bool m_popupWanted = false;
    QTimer *m_delay;
    QPointer<ApiReply> m_pending;
};

} // namespace backoffice::views
