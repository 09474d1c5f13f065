#include "EntityForm.h"

#include "ApiClient.h"
#include "EntityCatalogue.h"
#include "ErrorText.h"
#include "FieldCell.h"
#include "FieldGrid.h"
#include "MessageBanner.h"
#include "Session.h"
#include "ValueFormat.h"
#include "editors/FieldEditor.h"
#include "editors/ReferenceFieldEditor.h"
#include "editors/ReferenceListFieldEditor.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

// Pickers whose choices depend on another field of the same form: the legal entities offered are
// those of the chosen company, a parent company must be a reseller, and so on.
struct ScopeRule {
    const char *entity;
    const char *field;      // the picker
    const char *parameter;  // the lookup parameter it is narrowed by
    const char *source;     // the form field giving the value, or nullptr for a constant
    const char *constant;
};

constexpr ScopeRule ScopeRules[] = {
    {"agreements", "legalEntityId", "companyId", "companyId", nullptr},
    {"agreements", "bankAccountId", "companyId", "companyId", nullptr},
    {"agreements", "ownBankAccountId", "ownLegalEntityId", "ownLegalEntityId", nullptr},
    {"bank-accounts", "legalEntityId", "companyId", "companyId", nullptr},
    {"additional-fees", "agreementId", "companyId", "companyId", nullptr},
    {"companies", "parentCompanyId", "type", nullptr, "reseller"},
    {"roles", "templateRoleId", "group", "group", nullptr},
};

bool isHeaderField(const QString &name)
{
    return name == QLatin1String("id") || name == QLatin1String("createdAt") || name == QLatin1String("updatedAt");
}

QString scalarText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace

EntityForm::EntityForm(Session *session, ListContext context, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_context(std::move(context))
    , m_entity(EntityCatalogue::get(m_context.entity))
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_bodyLayout(nullptr)
    , m_editButton(new QPushButton(tr("Edit"), this))
    , m_saveButton(new QPushButton(tr("Save"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_deleteButton(new QPushButton(tr("Delete"), this))
{
    setObjectName(QStringLiteral("form-%1").arg(m_context.entity));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_meta->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_saveButton->setDefault(true);
    m_saveButton->setToolTip(tr("Save (Ctrl+S)"));
    m_cancelButton->setToolTip(tr("Cancel (Esc)"));
    connect(m_editButton, &QPushButton::clicked, this, &EntityForm::edit);
    connect(m_saveButton, &QPushButton::clicked, this, &EntityForm::save);
    connect(m_cancelButton, &QPushButton::clicked, this, &EntityForm::cancel);
    connect(m_deleteButton, &QPushButton::clicked, this, &EntityForm::requestDelete);

    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (m_mode != FormMode::View)
            save();
    });
    auto *cancelAction = new QAction(this);
    cancelAction->setShortcut(Qt::Key_Escape);
    cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelAction, &QAction::triggered, this, &EntityForm::cancel);
    addAction(saveAction);
    addAction(cancelAction);

    auto *body = new QWidget;
    m_bodyLayout = new QVBoxLayout(body);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_saveButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_banner);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
}

EntityForm::~EntityForm() = default;

bool EntityForm::canManage() const
{
    return !m_entity.readOnlyCollection && m_session->canManage(m_context.permissionArea);
}

QString EntityForm::title() const
{
    if (m_mode == FormMode::Create)
        return tr("New %1").arg(m_entity.singular.toLower());
    const FieldDescriptor *display = m_entity.field(m_entity.displayField);
    QString label = display ? valueformat::display(*display, m_record) : QString();
    if (label.isEmpty() || m_entity.displayField == QLatin1String("id"))
        label = QStringLiteral("#%1").arg(m_recordId);
    return QStringLiteral("%1 %2").arg(m_entity.singular, label);
}

void EntityForm::setFixedValues(const QJsonObject &values)
{
    m_fixed = values;
}

void EntityForm::ensureBuilt()
{
    if (m_built)
        return;
    m_built = true;
    buildBody(m_bodyLayout);
    m_bodyLayout->addStretch(1);
    wireScopes();
}

void EntityForm::buildBody(QVBoxLayout *layout)
{
    layout->addWidget(createGrid(formFieldNames(), this));
}

QStringList EntityForm::formFieldNames() const
{
    QStringList names;
    for (const FieldDescriptor &field : m_entity.fields) {
        if (!isHeaderField(field.name))
            names << field.name;
    }
    return names;
}

FieldCell *EntityForm::createCell(const QString &fieldName, QWidget *parent)
{
    const FieldDescriptor *field = m_entity.field(fieldName);
    Q_ASSERT_X(field, "EntityForm::createCell", qPrintable(fieldName));
    FieldEditor *editor = FieldEditor::create(*field, m_entity, m_session);
    auto *cell = new FieldCell(editor, parent);
    Entry entry;
    entry.editor = editor;
    entry.cell = cell;
    m_entries << entry;
    for (const QString &key : editor->keys())
        m_entryByKey.insert(key, int(m_entries.size() - 1));
    return cell;
}

FieldCell *EntityForm::createLocalCell(FieldEditor *editor, QWidget *parent)
{
    auto *cell = new FieldCell(editor, parent);
    Entry entry;
    entry.editor = editor;
    entry.cell = cell;
    entry.submitted = false;
    m_entries << entry;
    m_entryByKey.insert(editor->field().name, int(m_entries.size() - 1));
    return cell;
}

FieldGrid *EntityForm::createGrid(const QStringList &fieldNames, QWidget *parent)
{
    auto *grid = new FieldGrid(parent);
    for (const QString &name : fieldNames) {
        if (m_entryByKey.contains(name))
            continue; // already edited elsewhere: a zone travels with its date-time
        grid->addCell(createCell(name, grid));
    }
    m_grids << grid;
    return grid;
}

void EntityForm::wireScopes()
{
    for (const ScopeRule &rule : ScopeRules) {
        if (m_entity.name != QLatin1String(rule.entity))
            continue;
        FieldEditor *target = editor(QString::fromLatin1(rule.field));
        auto *reference = qobject_cast<ReferenceFieldEditor *>(target);
        if (!reference)
            continue;
        const QString parameter = QString::fromLatin1(rule.parameter);
        if (!rule.source) {
            reference->setScope({{parameter, QString::fromLatin1(rule.constant)}});
            continue;
        }
        FieldEditor *source = editor(QString::fromLatin1(rule.source));
        if (!source)
            continue;
        auto update = [reference, source, parameter] {
            QJsonObject value;
            source->store(&value);
            const QString text = scalarText(value.value(source->field().name));
            reference->setScope(text.isEmpty() ? QList<QPair<QString, QString>>{}
                                               : QList<QPair<QString, QString>>{{parameter, text}});
        };
        connect(source, &FieldEditor::changed, reference, update);
        update();
    }
}

FieldEditor *EntityForm::editor(const QString &fieldName) const
{
    const Entry *entry = entryFor(fieldName);
    return entry ? entry->editor : nullptr;
}

FieldCell *EntityForm::cell(const QString &fieldName) const
{
    const Entry *entry = entryFor(fieldName);
    return entry ? entry->cell : nullptr;
}

EntityForm::Entry *EntityForm::entryFor(const QString &key)
{
    const auto it = m_entryByKey.constFind(key);
    return it == m_entryByKey.cend() ? nullptr : &m_entries[*it];
}

const EntityForm::Entry *EntityForm::entryFor(const QString &key) const
{
    const auto it = m_entryByKey.constFind(key);
    return it == m_entryByKey.cend() ? nullptr : &m_entries.at(*it);
}

void EntityForm::openRecord(qint64 id)
{
    ensureBuilt();
    m_recordId = id;
    m_mode = FormMode::View;
    m_record = {};
    updateHeader();
    reload();
}

void EntityForm::reload()
{
    if (m_recordId <= 0 || m_busy)
        return;
    setBusy(true);
    ApiReply *reply = m_session->api()->get(QStringLiteral("%1/%2").arg(m_entity.name).arg(m_recordId));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        setBusy(false);
        if (!reply->ok()) {
            m_banner->showError(describeFailure(reply));
            applyMode();
            return;
        }
        m_banner->clearMessage();
        loadRecord(reply->object());
        setMode(FormMode::View);
    });
}

void EntityForm::startCreate(const QJsonObject &prefill)
{
    ensureBuilt();
    m_recordId = -1;
    QJsonObject record = prefill;
    for (auto it = m_fixed.begin(); it != m_fixed.end(); ++it)
        record.insert(it.key(), it.value());
    m_mode = FormMode::Create;
    loadRecord(record);
    setMode(FormMode::Create);
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.cell->isHidden() && entry.cell->isEditing()) {
            entry.editor->inputWidget()->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void EntityForm::loadRecord(const QJsonObject &record)
{
    m_record = record;
    for (Entry &entry : m_entries) {
        entry.editor->load(record);
        entry.baseline = {};
        entry.editor->store(&entry.baseline);
        entry.cell->setDisplayText(displayText(entry.editor->field(), record));
    }
    clearErrors();
    onRecordLoaded(record);
    updateHeader();
    emit recordLoaded(record);
}

QString EntityForm::displayText(const FieldDescriptor &field, const QJsonObject &record) const
{
    QString text = valueformat::display(field, record);
    const FieldDescriptor *zone = valueformat::zoneFieldFor(m_entity, field);
    if (zone && !record.value(field.name).toString().isEmpty())
        text += QStringLiteral("  ") + record.value(zone->name).toString();
    return text;
}

void EntityForm::updateHeader()
{
    m_title->setText(title());
    if (m_mode == FormMode::Create || m_recordId <= 0) {
        m_meta->clear();
        m_meta->hide();
    } else {
        QStringList parts{tr("ID %1").arg(m_recordId)};
        const QString created = m_record.value(QLatin1String("createdAt")).toString();
        const QString updated = m_record.value(QLatin1String("updatedAt")).toString();
        if (!created.isEmpty())
            parts << tr("created %1").arg(valueformat::displayInstant(created));
        if (!updated.isEmpty())
            parts << tr("updated %1").arg(valueformat::displayInstant(updated));
        m_meta->setText(parts.join(QStringLiteral(" · ")));
        m_meta->show();
    }
    emit titleChanged(title());
}

bool EntityForm::isFieldShown(const FieldDescriptor &field, FormMode mode) const
{
    if (field.secret)
        return mode != FormMode::View;
    if (field.readOnly)
        return mode != FormMode::Create; // computed by the server: nothing to show before it exists
    return true;
}

bool EntityForm::isFieldEditable(const FieldDescriptor &field, FormMode mode) const
{
    if (field.readOnly || mode == FormMode::View)
        return false;
    if (mode == FormMode::Create)
        return !m_fixed.contains(field.name);
    return !field.createOnly;
}

bool EntityForm::canEditRecord() const
{
    return true;
}

bool EntityForm::canDeleteRecord() const
{
    return true;
}

void EntityForm::onRecordLoaded(const QJsonObject &) {}

void EntityForm::onModeChanged(FormMode) {}

void EntityForm::addExtraValues(QJsonObject *, FormMode) const {}

bool EntityForm::checkBeforeSave()
{
    return true;
}

void EntityForm::onSaved(const QJsonObject &) {}

void EntityForm::setMode(FormMode mode)
{
    m_mode = mode;
    applyMode();
    updateHeader();
    onModeChanged(mode);
    emit modeChanged(mode);
}

void EntityForm::applyMode()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        const FieldDescriptor &field = entry.editor->field();
        const bool editable = isFieldEditable(field, m_mode);
        entry.cell->setVisible(isFieldShown(field, m_mode));
        entry.cell->setEditing(editable);
        entry.cell->setRequiredMarker(field.required && editable);
    }
    for (FieldGrid *grid : std::as_const(m_grids))
        grid->relayout();
    const bool loaded = m_recordId > 0 && !m_record.isEmpty();
    const bool mayChange = canManage() && canEditRecord() && loaded;
    m_editButton->setVisible(m_mode == FormMode::View && mayChange);
    m_deleteButton->setVisible(m_mode != FormMode::Create && mayChange && canDeleteRecord());
    m_saveButton->setVisible(m_mode != FormMode::View);
    m_cancelButton->setText(m_mode == FormMode::View ? tr("Close") : tr("Cancel"));
    for (QPushButton *button : {m_editButton, m_saveButton, m_cancelButton, m_deleteButton})
        button->setEnabled(!m_busy);
    m_cancelButton->setEnabled(true);
}

void EntityForm::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    applyMode();
    emit busyChanged(busy);
}

void EntityForm::edit()
{
    if (m_mode != FormMode::View || !canManage() || !canEditRecord() || m_record.isEmpty())
        return;
    loadRecord(m_record); // start from what the server said, not from a half-edited earlier attempt
    setMode(FormMode::Edit);
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.cell->isHidden() && entry.cell->isEditing()) {
            entry.editor->inputWidget()->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void EntityForm::cancel()
{
    if (m_mode == FormMode::Edit) {
        loadRecord(m_record);
        m_banner->clearMessage();
        setMode(FormMode::View);
        return;
    }
    emit closeRequested();
}

QJsonObject EntityForm::collectValues(FormMode mode) const
{
    QJsonObject body;
    for (const Entry &entry : m_entries) {
        if (!entry.submitted || entry.cell->isHidden() || !isFieldEditable(entry.editor->field(), mode))
            continue;
        QJsonObject values;
        entry.editor->store(&values);
        if (mode == FormMode::Edit && values == entry.baseline)
            continue; // PATCH carries only what changed, so the audit shows only real changes
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (mode == FormMode::Create && it.value().isNull())
                continue; // unset on create is simply absent
            body.insert(it.key(), it.value());
        }
    }
    if (mode == FormMode::Create) {
        for (auto it = m_fixed.begin(); it != m_fixed.end(); ++it) {
            if (m_entity.field(it.key()))
                body.insert(it.key(), it.value());
        }
    }
    return body;
}

void EntityForm::clearErrors()
{
    for (const Entry &entry : std::as_const(m_entries))
        entry.cell->setError(QString());
}

void EntityForm::save()
{
    if (m_busy || m_mode == FormMode::View)
        return;
    clearErrors();
    bool problems = false;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.cell->isHidden() || !entry.cell->isEditing())
            continue;
        const QString problem = entry.editor->localProblem();
        if (!problem.isEmpty()) {
            entry.cell->setError(problem);
            problems = true;
        }
    }
    if (problems) {
        m_banner->showError(tr("Please correct the marked fields."));
        return;
    }
    if (!checkBeforeSave())
        return;
    const FormMode mode = m_mode;
    QJsonObject body = collectValues(mode);
    addExtraValues(&body, mode);
    if (mode == FormMode::Edit && body.isEmpty()) {
        m_banner->clearMessage();
        setMode(FormMode::View);
        return;
    }
    setBusy(true);
    ApiReply *reply = mode == FormMode::Create
                          ? m_session->api()->post(m_entity.name, body)
                          : m_session->api()->patch(QStringLiteral("%1/%2").arg(m_entity.name).arg(m_recordId), body);
    connect(reply, &ApiReply::finished, this, [this, reply, mode] { onSaveAnswered(reply, mode); });
}

void EntityForm::onSaveAnswered(ApiReply *reply, FormMode mode)
{
    reply->deleteLater();
    setBusy(false);
    if (!reply->ok()) {
        showFailure(reply);
        return;
    }
    const QJsonObject saved = reply->object();
    m_recordId = saved.value(QLatin1String("id")).toInteger(m_recordId);
    loadRecord(saved);
    setMode(FormMode::View);
    m_banner->showInfo(mode == FormMode::Create ? tr("%1 created.").arg(m_entity.singular)
                                                : tr("Changes saved."));
    onSaved(saved);
    emit this->saved(m_entity.name, m_recordId);
}

void EntityForm::showFailure(const ApiReply *reply)
{
    QStringList unplaced;
    for (auto it = reply->error().fields.cbegin(); it != reply->error().fields.cend(); ++it) {
        Entry *entry = entryFor(it.key());
        if (entry && !entry->cell->isHidden()) {
            entry->cell->setError(it.value());
        } else {
            const FieldDescriptor *field = m_entity.field(it.key());
            unplaced << QStringLiteral("%1: %2").arg(field ? field->label : it.key(), it.value());
        }
    }
    QString message = describeFailure(reply);
    if (!unplaced.isEmpty())
        message += QLatin1Char('\n') + unplaced.join(QLatin1Char('\n'));
    m_banner->showError(message);
}

void EntityForm::requestDelete()
{
    if (m_busy || m_recordId <= 0 || !canManage() || !canEditRecord() || !canDeleteRecord())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete %1").arg(m_entity.singular.toLower()),
                                tr("Delete %1? This cannot be undone.").arg(title()),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        setBusy(true);
        const qint64 id = m_recordId;
        ApiReply *reply = m_session->api()->remove(QStringLiteral("%1/%2").arg(m_entity.name).arg(id));
        connect(reply, &ApiReply::finished, this, [this, reply, id] {
            reply->deleteLater();
            setBusy(false);
            if (!reply->ok()) {
                m_banner->showError(describeFailure(reply));
                return;
            }
            emit deleted(m_entity.name, id);
        });
    });
    box->open();
}

} // namespace backoffice::views
