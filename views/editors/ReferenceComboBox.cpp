#include "ReferenceComboBox.h"

#include "ApiClient.h"
#include "EntityCatalogue.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QTimer>

namespace backoffice::views {

namespace {
constexpr int LookupLimit = 50;
}

ReferenceComboBox::ReferenceComboBox(ApiClient *api, const QString &entity, QWidget *parent)
    : QComboBox(parent)
    , m_api(api)
    , m_entity(EntityCatalogue::get(entity))
    , m_delay(new QTimer(this))
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setCompleter(nullptr); // the server does the matching
    setMaxVisibleItems(15);
    lineEdit()->setPlaceholderText(tr("Type to search %1…").arg(m_entity.plural.toLower()));
    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(lineEdit(), &QLineEdit::textEdited, this, &ReferenceComboBox::onTextEdited);
    connect(m_delay, &QTimer::timeout, this, [this] { lookUp(lineEdit()->text()); });
    // Every index change not made by this class itself (its own changes block signals) is a pick.
    connect(this, &QComboBox::currentIndexChanged, this, &ReferenceComboBox::choose);
    // Leaving the box with a label typed in full counts as choosing it.
    connect(lineEdit(), &QLineEdit::editingFinished, this, [this] {
        const int index = findText(lineEdit()->text().trimmed(), Qt::MatchFixedString);
        if (index >= 0 && itemData(index).toLongLong() != m_currentId)
            choose(index);
    });
}

void ReferenceComboBox::setScope(const QList<QPair<QString, QString>> &scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    if (m_loaded)
        lookUp(QString());
}

QString ReferenceComboBox::currentLabel() const
{
    return m_currentId > 0 ? m_currentLabel : QString();
}

void ReferenceComboBox::setCurrent(qint64 id, const QString &label)
{
    const bool changed = id != m_currentId;
    m_currentId = id > 0 ? id : -1;
    m_currentLabel = m_currentId > 0 ? (label.isEmpty() ? QStringLiteral("#%1").arg(id) : label) : QString();
    QSignalBlocker blocker(this);
    int index = findData(m_currentId);
    if (m_currentId > 0 && index < 0) {
        // The chosen record may not be among the last lookup's results: keep it selectable.
        insertItem(0, m_currentLabel, m_currentId);
        index = 0;
    }
    setCurrentIndex(m_currentId > 0 ? index : -1);
    setEditText(m_currentLabel);
    blocker.unblock();
    if (changed)
        emit currentIdChanged(m_currentId);
}

void ReferenceComboBox::clearCurrent()
{
    setCurrent(-1, QString());
}

void ReferenceComboBox::ensureLoaded()
{
    if (!m_loaded && !m_pending)
        lookUp(QString());
}

void ReferenceComboBox::showPopup()
{
    if (!m_loaded) {
        m_popupWanted = true;
        ensureLoaded();
        return;
    }
    QComboBox::showPopup();
}

void ReferenceComboBox::onTextEdited(const QString &text)
{
    // What is typed no longer names the chosen record: nothing is chosen until a match is picked.
    if (m_currentId > 0 && text != m_currentLabel) {
        m_currentId = -1;
        m_currentLabel.clear();
        emit currentIdChanged(-1);
    }
    m_popupWanted = true;
    m_delay->start();
}

void ReferenceComboBox::lookUp(const QString &text)
{
    QUrlQuery query;
    for (const auto &[name, value] : m_scope)
        query.addQueryItem(name, value);
    if (!text.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("q"), text.trimmed());
    query.addQueryItem(QStringLiteral("sort"), m_entity.displayField);
    query.addQueryItem(QStringLiteral("limit"), QString::number(LookupLimit));
    if (m_pending)
        m_pending->disconnect(this); // only the latest lookup matters
    ApiReply *reply = m_api->get(m_entity.name, query);
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] { onAnswer(reply); });
}

QString ReferenceComboBox::labelOf(const QJsonObject &item) const
{
    const QJsonValue value = item.value(m_entity.displayField);
    const QString label = value.isString() ? value.toString() : QString::number(value.toInteger());
    return label.isEmpty() ? QStringLiteral("#%1").arg(item.value(QLatin1String("id")).toInteger()) : label;
}

void ReferenceComboBox::onAnswer(ApiReply *reply)
{
    reply->deleteLater();
    if (m_pending == reply)
        m_pending = nullptr;
    m_loaded = true;
    if (!reply->ok()) {
        setToolTip(reply->error().message);
        emit lookupFinished(false, reply->error().message);
        return;
    }
    setToolTip(QString());
    const QString typed = lineEdit()->text();
    const int cursor = lineEdit()->cursorPosition();
    {
        QSignalBlocker blocker(this);
        clear();
        if (m_currentId > 0)
            addItem(m_currentLabel, m_currentId);
        const QJsonArray items = reply->object().value(QLatin1String("items")).toArray();
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const qint64 id = item.value(QLatin1String("id")).toInteger();
            if (id == m_currentId || id == m_excludedId)
                continue;
            addItem(labelOf(item), id);
        }
        setCurrentIndex(m_currentId > 0 ? 0 : -1);
        // Repopulating must not eat what the person is typing.
        lineEdit()->setText(typed);
        lineEdit()->setCursorPosition(cursor);
    }
    emit lookupFinished(true, QString());
    if (m_popupWanted && hasFocus() && count() > 0)
        QComboBox::showPopup();
    m_popupWanted = false;
}

void ReferenceComboBox::choose(int index)
{
    if (index < 0 || index >= count())
        return;
    setCurrent(itemData(index).toLongLong(), itemText(index));
}

} // namespace backoffice::views
