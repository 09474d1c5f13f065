#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QWidget>
#include <functional>

class QComboBox;
class QPushButton;

namespace backoffice {
struct EntityDescriptor;
}

namespace backoffice::views {

class FieldCell;
class FieldGrid;
class MessageBanner;
class Session;

// The versions of one agreement (reference §6.3.2): a selector labelled
// "05.01.2025 – indefinitely (ID 666) – in force", the terms of the selected version (editable
// while the agreement is edited), "Add new version" (a create form prefilled from the selected
// version) and "Delete this version" (the server refuses past and only versions; its message is
// shown here).
class AgreementVersionPanel final : public QWidget
{
    Q_OBJECT
public:
    AgreementVersionPanel(Session *session, bool canManage, QWidget *parent = nullptr);

    void setAgreement(qint64 agreementId, const QString &agreementLabel, qint64 preferredVersionId);
    void reloadVersions(qint64 selectId = -1);
    void setEditing(bool editing);
    bool isDirty() const;
    // PATCHes the selected version with the changed terms; done(true) when saved or unchanged.
    void save(const std::function<void(bool ok)> &done);
    void cancelEdits();

    qint64 selectedVersionId() const;
    QJsonObject selectedVersion() const;
    int versionCount() const { return int(m_versions.size()); }
    QComboBox *versionBox() const { return m_versionBox; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    MessageBanner *banner() const { return m_banner; }
    FieldCell *cell(const QString &fieldName) const;

    // "05.01.2025 – indefinitely (ID 666) – in force": how a version is named in the selector.
    static QString versionLabel(const QJsonObject &version);

signals:
    void versionsLoaded();
    // A version was added or deleted: the agreement's terms in force may have changed.
    void versionsChanged();

private:
    void showVersion(int index);
    void addVersion();
    void deleteVersion();
    QJsonObject changedTerms() const;

    Session *m_session;
    const EntityDescriptor &m_entity;
    bool m_canManage;
    qint64 m_agreementId = -1;
    QString m_agreementLabel;
    qint64 m_preferredVersionId = -1;
    bool m_editing = false;
    QList<QJsonObject> m_versions;
    QJsonObject m_baseline;

    QComboBox *m_versionBox;
    QPushButton *m_addButton;
    QPushButton *m_deleteButton;
    MessageBanner *m_banner;
    FieldGrid *m_grid;
    QList<FieldCell *> m_cells;
};

} // namespace backoffice::views
