#include "StringListFieldEditor.h"

#include <QJsonArray>
#include <QListWidget>
#include <QVBoxLayout>

namespace backoffice::views {

StringListFieldEditor::StringListFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_list(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    if (hasChoices()) {
        // A wrapped grid of check boxes keeps eleven channels in three short rows.
        m_list->setFlow(QListView::LeftToRight);
        m_list->setWrapping(true);
        m_list->setResizeMode(QListView::Adjust);
        m_list->setGridSize(QSize(m_list->fontMetrics().horizontalAdvance(QStringLiteral("Telegram Gateway")) + 40,
                                  m_list->fontMetrics().height() + 8));
        for (const EnumValue &value : field.enumValues) {
            auto *item = new QListWidgetItem(value.label, m_list);
            item->setData(Qt::UserRole, value.key);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        m_list->setFixedHeight(m_list->fontMetrics().height() * 4 + 24);
    } else {
        m_list->setFixedHeight(m_list->fontMetrics().height() * 5 + 16);
    }
    setFocusProxy(m_list);
    connect(m_list, &QListWidget::itemChanged, this, &FieldEditor::changed);
}

void StringListFieldEditor::load(const QJsonObject &record)
{
    const QJsonArray values = record.value(field().name).toArray();
    QStringList keys;
    for (const QJsonValue &value : values)
        keys << value.toString();
    const QSignalBlocker blocker(m_list);
    if (hasChoices()) {
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem *item = m_list->item(i);
            item->setCheckState(keys.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
        return;
    }
    m_list->clear();
    for (const QString &key : keys) {
        auto *item = new QListWidgetItem(key, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    auto *blank = new QListWidgetItem(QString(), m_list); // where a new entry is typed
    blank->setFlags(blank->flags() | Qt::ItemIsEditable);
}

void StringListFieldEditor::store(QJsonObject *body) const
{
    QJsonArray values;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (hasChoices()) {
            if (item->checkState() == Qt::Checked)
                values.append(item->data(Qt::UserRole).toString());
        } else if (!item->text().trimmed().isEmpty()) {
            values.append(item->text().trimmed());
        }
    }
    body->insert(field().name, values);
}

QWidget *StringListFieldEditor::inputWidget() const
{
    return m_list;
}

} // namespace backoffice::views
