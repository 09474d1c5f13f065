#include "JsonFieldEditor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace backoffice::views {

JsonFieldEditor::JsonFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_edit(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    m_edit->setTabChangesFocus(true);
    m_edit->setFont(QFont(QStringLiteral("monospace")));
    m_edit->setMinimumHeight(m_edit->fontMetrics().lineSpacing() * 6);
    setFocusProxy(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &FieldEditor::changed);
}

void JsonFieldEditor::load(const QJsonObject &record)
{
    const QJsonValue value = record.value(field().name);
    if (value.isObject())
        m_edit->setPlainText(QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)));
    else if (value.isArray())
        m_edit->setPlainText(QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)));
    else
        m_edit->setPlainText(value.toString());
}

void JsonFieldEditor::store(QJsonObject *body) const
{
    const QJsonDocument document = QJsonDocument::fromJson(m_edit->toPlainText().toUtf8());
    if (document.isObject())
        body->insert(field().name, document.object());
    else if (document.isArray())
        body->insert(field().name, document.array());
    else
        body->insert(field().name, QJsonValue());
}

QString JsonFieldEditor::localProblem() const
{
    if (m_edit->toPlainText().trimmed().isEmpty())
        return {};
    QJsonParseError error;
    QJsonDocument::fromJson(m_edit->toPlainText().toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? QString() : tr("not valid JSON: %1").arg(error.errorString());
}

QWidget *JsonFieldEditor::inputWidget() const
{
    return m_edit;
}

} // namespace backoffice::views
