#include "AuditDetailView.h"

#include "ApiClient.h"
#include "EntityCatalogue.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "Session.h"
#include "ValueFormat.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

// Old and new values are JSON objects; older servers or other writers may send them as JSON text.
QJsonObject asObject(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject();
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString pretty(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

AuditDetailView::AuditDetailView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_tabs(new QTabWidget(this))
    , m_changes(new QTableWidget(this))
    , m_old(new QPlainTextEdit(this))
    , m_new(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("auditDetail"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changes->setColumnCount(3);
    m_changes->setHorizontalHeaderLabels({tr("Field"), tr("Old value"), tr("New value")});
    m_changes->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_changes->verticalHeader()->hide();
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setWordWrap(true);
    for (QPlainTextEdit *edit : {m_old, m_new}) {
        edit->setReadOnly(true);
        edit->setFont(QFont(QStringLiteral("monospace")));
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    auto *sideBySide = new QSplitter(Qt::Horizontal, this);
    auto *oldBox = new QWidget(sideBySide);
    auto *oldLayout = new QVBoxLayout(oldBox);
    oldLayout->setContentsMargins(0, 0, 0, 0);
    oldLayout->addWidget(new QLabel(tr("Old value"), oldBox));
    oldLayout->addWidget(m_old);
    auto *newBox = new QWidget(sideBySide);
    auto *newLayout = new QVBoxLayout(newBox);
    newLayout->setContentsMargins(0, 0, 0, 0);
    newLayout->addWidget(new QLabel(tr("New value"), newBox));
    newLayout->addWidget(m_new);
    sideBySide->addWidget(oldBox);
    sideBySide->addWidget(newBox);
    m_tabs->addTab(m_changes, tr("Changes"));
    m_tabs->addTab(sideBySide, tr("JSON"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    showRecord({});
}

void AuditDetailView::openRecord(qint64 id)
{
    m_recordId = id;
    ApiReply *reply = m_session->api()->get(QStringLiteral("audit/%1").arg(id));
    connect(reply, &ApiReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        if (id != m_recordId)
            return;
        if (!reply->ok()) {
            m_banner->showError(describeFailure(reply));
            return;
        }
        m_banner->clearMessage();
        showRecord(reply->object());
    });
}

void AuditDetailView::showRecord(const QJsonObject &record)
{
    m_recordId = record.value(QLatin1String("id")).toInteger(-1);
    if (record.isEmpty()) {
        m_summary->setText(tr("Select an audit record to see what changed."));
        m_changes->setRowCount(0);
        m_old->clear();
        m_new->clear();
        return;
    }
    const EntityDescriptor &audit = EntityCatalogue::get(entities::audit);
    auto text = [&](const char *name) {
        const FieldDescriptor *field = audit.field(QString::fromLatin1(name));
        return field ? valueformat::display(*field, record) : QString();
    };
    // Records written by the server itself (demo data, scheduled jobs) carry no user.
    const QString user = text("userId").isEmpty() ? tr("the system") : text("userId");
    m_summary->setText(tr("<b>%1</b> of <b>%2</b> #%3 by <b>%4</b> from %5 on %6 (company: %7)")
                           .arg(text("operation").toHtmlEscaped(), text("tableName").toHtmlEscaped(),
                                text("objectId").toHtmlEscaped(), user.toHtmlEscaped(),
                                text("ipAddress").toHtmlEscaped(), text("time").toHtmlEscaped(),
                                text("companyId").toHtmlEscaped()));
    emit titleChanged(tr("Audit #%1").arg(m_recordId));

    const QJsonObject before = asObject(record.value(QLatin1String("oldValue")));
    const QJsonObject after = asObject(record.value(QLatin1String("newValue")));
    m_old->setPlainText(pretty(before));
    m_new->setPlainText(pretty(after));

    // Changed fields first, in the order the new value lists them; unchanged ones after, greyed.
    QStringList keys = after.keys();
    for (const QString &key : before.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    QStringList changed;
    QStringList same;
    for (const QString &key : std::as_const(keys))
        (before.value(key) == after.value(key) ? same : changed) << key;
    m_changes->setRowCount(int(keys.size()));
    int row = 0;
    for (const QStringList *group : {&changed, &same}) {
        for (const QString &key : *group) {
            auto *name = new QTableWidgetItem(key);
            auto *oldItem = new QTableWidgetItem(valueText(before.value(key)));
            auto *newItem = new QTableWidgetItem(valueText(after.value(key)));
            if (group == &same) {
                for (QTableWidgetItem *item : {name, oldItem, newItem})
                    item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            } else {
                QFont bold = name->font();
                bold.setBold(true);
                name->setFont(bold);
            }
            m_changes->setItem(row, 0, name);
            m_changes->setItem(row, 1, oldItem);
            m_changes->setItem(row, 2, newItem);
            ++row;
        }
    }
}

} // namespace backoffice::views
