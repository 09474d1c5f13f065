#include "EmailListFieldEditor.h"

#include "Validation.h"

#include <QLineEdit>
#include <QVBoxLayout>

namespace backoffice::views {

EmailListFieldEditor::EmailListFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_edit(new QLineEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    m_edit->setPlaceholderText(tr("name@example.com, other@example.com"));
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &FieldEditor::changed);
}

void EmailListFieldEditor::load(const QJsonObject &record)
{
    m_edit->setText(record.value(field().name).toString());
}

void EmailListFieldEditor::store(QJsonObject *body) const
{
    // Normalised to the API's "a@x.com, b@y.com" so an untouched list never looks edited.
    QStringList addresses;
    for (const QString &part : m_edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            addresses << part.trimmed();
    }
    const QString text = addresses.join(QStringLiteral(", "));
    body->insert(field().name, text.isEmpty() && !field().required ? QJsonValue() : QJsonValue(text));
}

QString EmailListFieldEditor::localProblem() const
{
    const QStringList invalid = validation::invalidEmails(m_edit->text());
    if (invalid.isEmpty())
        return {};
    return tr("not an e-mail address: %1").arg(invalid.join(QStringLiteral(", ")));
}

QWidget *EmailListFieldEditor::inputWidget() const
{
    return m_edit;
}

} // namespace backoffice::views
