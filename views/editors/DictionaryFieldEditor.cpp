#include "DictionaryFieldEditor.h"

#include "Dictionaries.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QVBoxLayout>

namespace backoffice::views {

DictionaryFieldEditor::DictionaryFieldEditor(const FieldDescriptor &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_combo(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setMaxVisibleItems(20);
    fill();
    // Typing any part of a name or code narrows the choices.
    m_combo->completer()->setFilterMode(Qt::MatchContains);
    m_combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    setFocusProxy(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldEditor::changed);
    connect(m_combo->lineEdit(), &QLineEdit::textEdited, this, &FieldEditor::changed);
}

void DictionaryFieldEditor::fill()
{
    const Dictionaries &dictionaries = Dictionaries::instance();
    if (!field().required)
        m_combo->addItem(QString(), QString());
    switch (field().type) {
    case FieldType::Country:
        for (const Dictionaries::Country &country : dictionaries.countries())
            m_combo->addItem(QStringLiteral("%1 (%2)").arg(country.name, country.alpha2), country.alpha2);
        break;
    case FieldType::Currency:
        for (const Dictionaries::Currency &currency : dictionaries.currencies())
            m_combo->addItem(QStringLiteral("%1 – %2").arg(currency.code, currency.name), currency.code);
        break;
    default:
        for (const QString &zone : dictionaries.timeZones())
            m_combo->addItem(zone, zone);
        break;
    }
    m_combo->setCurrentIndex(field().required ? -1 : 0);
}

QString DictionaryFieldEditor::code() const
{
    const QString text = m_combo->currentText().trimmed();
    if (text.isEmpty())
        return {};
    const int exact = m_combo->findText(text, Qt::MatchFixedString);
    if (exact >= 0)
        return m_combo->itemData(exact).toString();
    // A bare code typed by hand ("es", "eur") is as good as picking it.
    const QString upper = field().type == FieldType::TimeZone ? text : text.toUpper();
    if (m_combo->findData(upper) >= 0)
        return upper;
    return text; // unknown: sent as typed so the server's message says what is wrong
}

void DictionaryFieldEditor::setCode(const QString &code)
{
    const int index = m_combo->findData(code);
    if (index >= 0)
        m_combo->setCurrentIndex(index);
    else if (code.isEmpty())
        m_combo->setCurrentIndex(field().required ? -1 : 0);
    else
        m_combo->setEditText(code);
}

void DictionaryFieldEditor::load(const QJsonObject &record)
{
    setCode(record.value(field().name).toString());
}

void DictionaryFieldEditor::store(QJsonObject *body) const
{
    const QString value = code();
    body->insert(field().name, value.isEmpty() && !field().required ? QJsonValue() : QJsonValue(value));
}

QWidget *DictionaryFieldEditor::inputWidget() const
{
    return m_combo;
}

} // namespace backoffice::views
