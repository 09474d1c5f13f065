#include "ReferenceListFieldEditor.h"

#include "ReferenceComboBox.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace backoffice::views {

ReferenceListFieldEditor::ReferenceListFieldEditor(const FieldDescriptor &field, ApiClient *api, QWidget *parent)
    : FieldEditor(field, parent)
    , m_picker(new ReferenceComboBox(api, field.referenceEntity, this))
    , m_chips(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chips);
    layout->addWidget(m_picker);
    m_chips->setObjectName(QStringLiteral("chips"));
    m_chips->setFlow(QListView::LeftToRight);
    m_chips->setWrapping(true);
    m_chips->setResizeMode(QListView::Adjust);
    m_chips->setSpacing(2);
    m_chips->setSelectionMode(QAbstractItemView::NoSelection);
    m_chips->setFixedHeight(m_chips->fontMetrics().height() * 3 + 16);
    m_picker->lineEdit()->setPlaceholderText(tr("Add %1…").arg(field.label.toLower()));
    setFocusProxy(m_picker);
    // Picking a record adds it as a chip and empties the box for the next one.
    connect(m_picker, &ReferenceComboBox::currentIdChanged, this, [this](qint64 id) {
        if (id <= 0)
            return;
        const QString label = m_picker->currentLabel();
        QMetaObject::invokeMethod(m_picker, &ReferenceComboBox::clearCurrent, Qt::QueuedConnection);
        addReference(id, label);
    });
}

QList<qint64> ReferenceListFieldEditor::ids() const
{
    QList<qint64> result;
    for (const auto &item : m_items)
        result << item.first;
    return result;
}

QStringList ReferenceListFieldEditor::labels() const
{
    QStringList result;
    for (const auto &item : m_items)
        result << item.second;
    return result;
}

void ReferenceListFieldEditor::addReference(qint64 id, const QString &label)
{
    for (const auto &item : m_items) {
        if (item.first == id)
            return;
    }
    m_items.append({id, label});
    layoutChips();
    emit changed();
}

void ReferenceListFieldEditor::removeReference(qint64 id)
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).first == id) {
            m_items.removeAt(i);
            layoutChips();
            emit changed();
            return;
        }
    }
}

void ReferenceListFieldEditor::clearReferences()
{
    if (m_items.isEmpty())
        return;
    m_items.clear();
    layoutChips();
    emit changed();
}

void ReferenceListFieldEditor::layoutChips()
{
    m_chips->clear();
    for (const auto &[id, label] : m_items) {
        auto *item = new QListWidgetItem(m_chips);
        auto *chip = new QToolButton(m_chips);
        chip->setObjectName(QStringLiteral("chip-%1").arg(id));
        chip->setText(label + QStringLiteral("  ×"));
        chip->setToolTip(tr("Remove %1").arg(label));
        chip->setEnabled(m_picker->isEnabled());
        const qint64 chipId = id;
        // Queued: the chip is deleted by the relayout its own click causes.
        connect(chip, &QToolButton::clicked, this, [this, chipId] {
            QMetaObject::invokeMethod(this, [this, chipId] { removeReference(chipId); }, Qt::QueuedConnection);
        });
        item->setSizeHint(chip->sizeHint());
        m_chips->setItemWidget(item, chip);
    }
}

void ReferenceListFieldEditor::load(const QJsonObject &record)
{
    m_items.clear();
    const QJsonArray values = record.value(field().name).toArray();
    const QJsonArray names = record.value(field().referenceLabelKey()).toArray();
    for (int i = 0; i < values.size(); ++i) {
        const qint64 id = values.at(i).toInteger();
        const QString label = i < names.size() ? names.at(i).toString() : QString();
        m_items.append({id, label.isEmpty() ? QStringLiteral("#%1").arg(id) : label});
    }
    layoutChips();
}

void ReferenceListFieldEditor::store(QJsonObject *body) const
{
    QJsonArray values;
    for (const auto &item : m_items)
        values.append(item.first);
    body->insert(field().name, values);
}

void ReferenceListFieldEditor::activate()
{
    m_picker->ensureLoaded();
}

QWidget *ReferenceListFieldEditor::inputWidget() const
{
    return m_picker;
}

void ReferenceListFieldEditor::setScope(const QList<QPair<QString, QString>> &scope)
{
    m_picker->setScope(scope);
}

} // namespace backoffice::views
