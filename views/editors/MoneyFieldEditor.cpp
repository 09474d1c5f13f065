#include "MoneyFieldEditor.h"

#include "Amount.h"

#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace backoffice::views {

MoneyFieldEditor::MoneyFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_edit(new QLineEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    // Accepts what Amount::parse accepts, while typing: digits, one dot, at most six decimals.
    m_edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[-+]?\\d{0,13}(\\.\\d{0,6})?")), m_edit));
    m_edit->setAlignment(Qt::AlignRight);
    if (field.name == QLatin1String("creditLimit"))
        m_edit->setPlaceholderText(tr("unlimited"));
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &FieldEditor::changed);
}

void MoneyFieldEditor::load(const QJsonObject &record)
{
    const QJsonValue value = record.value(field().name);
    m_edit->setText(value.isString() ? value.toString() : QString());
}

void MoneyFieldEditor::store(QJsonObject *body) const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        body->insert(field().name, QJsonValue());
        return;
    }
    const std::optional<Amount> amount = Amount::parse(text);
    body->insert(field().name, amount ? amount->toString(2) : text);
}

QString MoneyFieldEditor::localProblem() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return {};
    QString error;
    return Amount::parse(text, &error) ? QString() : error;
}

QWidget *MoneyFieldEditor::inputWidget() const
{
    return m_edit;
}

} // namespace backoffice::views
