#include "FieldCell.h"

#include "editors/FieldEditor.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace backoffice::views {

FieldCell::FieldCell(FieldEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_label(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_value(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("cell-%1").arg(editor->field().name));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(2);
    layout->addWidget(m_label);
    layout->addWidget(m_stack);
    layout->addWidget(m_error);
    m_stack->addWidget(editor);
    m_stack->addWidget(m_value);
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_value->setWordWrap(true);
    m_value->setMinimumHeight(m_value->fontMetrics().height() + 6);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    m_error->hide();
    QFont labelFont = m_label->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.92);
    m_label->setFont(labelFont);
    m_label->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_label->setBuddy(editor->inputWidget());
    updateLabel();
    setEditing(false);
}

void FieldCell::setEditing(bool editing)
{
    m_editing = editing;
    m_stack->setCurrentWidget(editing ? static_cast<QWidget *>(m_editor) : m_value);
    // The stack takes the height of what it shows, not of its tallest page.
    m_editor->setSizePolicy(QSizePolicy::Preferred, editing ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_value->setSizePolicy(QSizePolicy::Preferred, editing ? QSizePolicy::Ignored : QSizePolicy::Preferred);
    updateLabel();
    // A check box carries its own label while it is edited; a second one above would repeat it.
    m_label->setVisible(!editing || m_editor->field().type != FieldType::Bool);
    if (editing)
        m_editor->activate();
}

void FieldCell::setDisplayText(const QString &text)
{
    m_value->setText(text.isEmpty() ? QStringLiteral("—") : text);
}

void FieldCell::setRequiredMarker(bool required)
{
    m_required = required;
    updateLabel();
}

void FieldCell::updateLabel()
{
    const bool showMarker = m_required && m_editing;
    m_label->setText(showMarker ? QStringLiteral("%1 <span style=\"color:#c62828\">*</span>").arg(m_editor->field().label.toHtmlEscaped())
                                : m_editor->field().label.toHtmlEscaped());
}

void FieldCell::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString FieldCell::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool FieldCell::isWide() const
{
    switch (m_editor->field().type) {
    case FieldType::LongText:
    case FieldType::StringList:
    case FieldType::ReferenceList:
    case FieldType::Json:
        return true;
    default:
        return false;
    }
}

} // namespace backoffice::views
