#include "AgreementVersionPanel.h"

#include "ApiClient.h"
#include "EntityCatalogue.h"
#include "EntityForm.h"
#include "EntityFormDialog.h"
#include "ErrorText.h"
#include "FieldCell.h"
#include "FieldGrid.h"
#include "MessageBanner.h"
#include "Session.h"
#include "ValueFormat.h"
#include "editors/FieldEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

bool isTermField(const QString &name)
{
    static const QStringList notTerms{QStringLiteral("id"), QStringLiteral("agreementId"), QStringLiteral("state"),
                                      QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
    return !notTerms.contains(name);
}

QString dateIn(const QJsonObject &version, const QString &field, const QString &zoneField)
{
    const QDateTime utc = valueformat::parseInstant(version.value(field).toString());
    if (!utc.isValid())
        return {};
    const QTimeZone zone(version.value(zoneField).toString().toUtf8());
    return (zone.isValid() ? utc.toTimeZone(zone) : utc.toLocalTime()).toString(valueformat::datePattern());
}

} // namespace

AgreementVersionPanel::AgreementVersionPanel(Session *session, bool canManage, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_entity(EntityCatalogue::get(entities::agreementVersions))
    , m_canManage(canManage)
    , m_versionBox(new QComboBox(this))
    , m_addButton(new QPushButton(tr("Add new version"), this))
    , m_deleteButton(new QPushButton(tr("Delete this version"), this))
    , m_banner(new MessageBanner(this))
    , m_grid(new FieldGrid(this))
{
    setObjectName(QStringLiteral("versionPanel"));
    m_versionBox->setObjectName(QStringLiteral("versionBox"));
    m_addButton->setObjectName(QStringLiteral("addVersionButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteVersionButton"));
    m_versionBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    QStringList covered;
    for (const FieldDescriptor &field : m_entity.fields) {
        if (!isTermField(field.name) || covered.contains(field.name))
            continue;
        FieldEditor *editor = FieldEditor::create(field, m_entity, m_session);
        covered << editor->keys();
        auto *cell = new FieldCell(editor, m_grid);
        m_grid->addCell(cell);
        m_cells << cell;
    }
    m_grid->relayout();

    auto *title = new QLabel(tr("<b>Version</b>"), this);
    auto *selector = new QHBoxLayout;
    selector->addWidget(title);
    selector->addWidget(m_versionBox, 1);
    selector->addWidget(m_addButton);
    selector->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(selector);
    layout->addWidget(m_banner);
    layout->addWidget(m_grid);

    connect(m_versionBox, &QComboBox::currentIndexChanged, this, &AgreementVersionPanel::showVersion);
    connect(m_addButton, &QPushButton::clicked, this, &AgreementVersionPanel::addVersion);
    connect(m_deleteButton, &QPushButton::clicked, this, &AgreementVersionPanel::deleteVersion);
    setEditing(false);
}

QString AgreementVersionPanel::versionLabel(const QJsonObject &version)
{
    const QString from = dateIn(version, QStringLiteral("effectiveFrom"), QStringLiteral("effectiveFromZone"));
    QString till = dateIn(version, QStringLiteral("effectiveTill"), QStringLiteral("effectiveTillZone"));
    if (till.isEmpty())
        till = tr("indefinitely");
    const QString stateKey = version.value(QLatin1String("state")).toString();
    const FieldDescriptor *state = EntityCatalogue::get(entities::agreementVersions).field(QStringLiteral("state"));
    const QString stateText = state ? valueformat::enumLabel(*state, stateKey).toLower() : stateKey;
    return tr("%1 – %2 (ID %3) – %4")
        .arg(from, till)
        .arg(version.value(QLatin1String("id")).toInteger())
        .arg(stateText);
}

void AgreementVersionPanel::setAgreement(qint64 agreementId, const QString &agreementLabel, qint64 preferredVersionId)
{
    m_agreementId = agreementId;
    m_agreementLabel = agreementLabel;
    m_preferredVersionId = preferredVersionId;
    reloadVersions(preferredVersionId);
}

void AgreementVersionPanel::reloadVersions(qint64 selectId)
{
    if (m_agreementId <= 0)
        return;
    const qint64 keep = selectId > 0 ? selectId : selectedVersionId();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("agreementId"), QString::number(m_agreementId));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("effectiveFrom"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    ApiReply *reply = m_session->api()->get(m_entity.name, query);
    connect(reply, &ApiReply::finished, this, [this, reply, keep] {
        reply->deleteLater();
        if (!reply->ok()) {
            m_banner->showError(describeFailure(reply));
            return;
        }
        m_versions.clear();
        for (const QJsonValue &value : reply->object().value(QLatin1String("items")).toArray())
            m_versions << value.toObject();
        const QSignalBlocker blocker(m_versionBox);
        m_versionBox->clear();
        int select = -1;
        int inForce = -1;
        for (int i = 0; i < m_versions.size(); ++i) {
            const QJsonObject &version = m_versions.at(i);
            m_versionBox->addItem(versionLabel(version), version.value(QLatin1String("id")).toInteger());
            if (version.value(QLatin1String("id")).toInteger() == keep)
                select = i;
            if (version.value(QLatin1String("state")).toString() == QLatin1String("current"))
                inForce = i;
        }
        // The version in force is what people ask about first; else the latest one.
        if (select < 0)
            select = inForce >= 0 ? inForce : int(m_versions.size()) - 1;
        m_versionBox->setCurrentIndex(select);
        showVersion(select);
        emit versionsLoaded();
    });
}

void AgreementVersionPanel::showVersion(int index)
{
    const QJsonObject version = index >= 0 && index < m_versions.size() ? m_versions.at(index) : QJsonObject();
    m_baseline = {};
    for (FieldCell *cell : std::as_const(m_cells)) {
        cell->editor()->load(version);
        cell->editor()->store(&m_baseline);
        QString text = valueformat::display(cell->editor()->field(), version);
        const FieldDescriptor *zone = valueformat::zoneFieldFor(m_entity, cell->editor()->field());
        if (zone && !version.value(cell->editor()->field().name).toString().isEmpty())
            text += QStringLiteral("  ") + version.value(zone->name).toString();
        cell->setDisplayText(text);
        cell->setError(QString());
    }
    m_deleteButton->setEnabled(!version.isEmpty());
    m_grid->setVisible(!version.isEmpty());
}

void AgreementVersionPanel::setEditing(bool editing)
{
    m_editing = editing;
    for (FieldCell *cell : std::as_const(m_cells)) {
        const bool editable = editing && !cell->editor()->field().readOnly;
        cell->setEditing(editable);
        cell->setRequiredMarker(editable && cell->editor()->field().required);
    }
    m_grid->relayout();
    // Switching versions or adding one in the middle of an edit would lose the edit.
    m_versionBox->setEnabled(!editing);
    m_addButton->setVisible(m_canManage && !editing);
    m_deleteButton->setVisible(m_canManage && !editing);
}

qint64 AgreementVersionPanel::selectedVersionId() const
{
    return m_versionBox->currentIndex() >= 0 ? m_versionBox->currentData().toLongLong() : -1;
}

QJsonObject AgreementVersionPanel::selectedVersion() const
{
    const int index = m_versionBox->currentIndex();
    return index >= 0 && index < m_versions.size() ? m_versions.at(index) : QJsonObject();
}

FieldCell *AgreementVersionPanel::cell(const QString &fieldName) const
{
    for (FieldCell *cell : m_cells) {
        if (cell->editor()->keys().contains(fieldName))
            return cell;
    }
    return nullptr;
}

QJsonObject AgreementVersionPanel::changedTerms() const
{
    QJsonObject changed;
    for (FieldCell *cell : m_cells) {
        if (!cell->isEditing())
            continue;
        QJsonObject values;
        cell->editor()->store(&values);
        bool differs = false;
        for (auto it = values.begin(); it != values.end(); ++it)
            differs = differs || m_baseline.value(it.key()) != it.value();
        if (differs) {
            for (auto it = values.begin(); it != values.end(); ++it)
                changed.insert(it.key(), it.value());
        }
    }
    return changed;
}

bool AgreementVersionPanel::isDirty() const
{
    return m_editing && selectedVersionId() > 0 && !changedTerms().isEmpty();
}

void AgreementVersionPanel::cancelEdits()
{
    showVersion(m_versionBox->currentIndex());
    m_banner->clearMessage();
}

void AgreementVersionPanel::save(const std::function<void(bool)> &done)
{
    const QJsonObject changes = changedTerms();
    const qint64 id = selectedVersionId();
    if (changes.isEmpty() || id <= 0) {
        done(true);
        return;
    }
    for (FieldCell *cell : std::as_const(m_cells))
        cell->setError(QString());
    ApiReply *reply = m_session->api()->patch(QStringLiteral("%1/%2").arg(m_entity.name).arg(id), changes);
    connect(reply, &ApiReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        if (!reply->ok()) {
            for (auto it = reply->error().fields.cbegin(); it != reply->error().fields.cend(); ++it) {
                if (FieldCell *target = cell(it.key()))
                    target->setError(it.value());
            }
            m_banner->showError(describeFailure(reply));
            done(false);
            return;
        }
        m_banner->clearMessage();
        const int index = m_versionBox->currentIndex();
        m_versions[index] = reply->object();
        m_versionBox->setItemText(index, versionLabel(m_versions.at(index)));
        showVersion(index);
        done(true);
    });
}

void AgreementVersionPanel::addVersion()
{
    if (m_agreementId <= 0)
        return;
    ListContext context = ListContext::forEntity(entities::agreementVersions);
    auto *form = new EntityForm(m_session, context);
    form->setFixedValues({{QStringLiteral("agreementId"), m_agreementId},
                          {QStringLiteral("agreementName"), m_agreementLabel}});
    // Start from the selected version's terms: usually only a date and one or two terms change.
    QJsonObject prefill;
    const QJsonObject selected = selectedVersion();
    for (auto it = selected.begin(); it != selected.end(); ++it) {
        if (isTermField(it.key()))
            prefill.insert(it.key(), it.value());
    }
    prefill.remove(QStringLiteral("versionCode"));
    // The new version starts where the selected one ends; an open-ended one gives no such date.
    const QJsonValue till = selected.value(QLatin1String("effectiveTill"));
    prefill.insert(QStringLiteral("effectiveFrom"), till);
    prefill.insert(QStringLiteral("effectiveFromZone"),
                   selected.value(QLatin1String(till.isNull() ? "effectiveFromZone" : "effectiveTillZone")));
    prefill.insert(QStringLiteral("effectiveTill"), QJsonValue());
    auto *dialog = new EntityFormDialog(form, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EntityFormDialog::recordSaved, this, [this](qint64 id) {
        reloadVersions(id);
        emit versionsChanged();
    });
    form->startCreate(prefill);
    dialog->open();
}

void AgreementVersionPanel::deleteVersion()
{
    const qint64 id = selectedVersionId();
    if (id <= 0)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete version"),
                                tr("Delete the version %1?").arg(m_versionBox->currentText()),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("deleteVersionConfirmation"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        ApiReply *reply = m_session->api()->remove(QStringLiteral("%1/%2").arg(m_entity.name).arg(id));
        connect(reply, &ApiReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (!reply->ok()) {
                // Past versions and the only version stay (422): the server's reason says which.
                m_banner->showError(describeFailure(reply));
                return;
            }
            m_banner->showInfo(tr("Version deleted."));
            reloadVersions();
            emit versionsChanged();
        });
    });
    box->open();
}

} // namespace backoffice::views
