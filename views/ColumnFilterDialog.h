#pragma once

#include "EntityDescriptor.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;

namespace backoffice::views {

// Asks for the filter of one list column, in the terms of its type: text contains, one of the enum
// values, yes/no, a date range (from/to, whole days), a time range for date-times (from a minute,
// before a minute, with quick choices such as "last hour"), or "empty". Produces the API parameters
// (`companyName=acme`, `createdAt.from=...`) that replace whatever filtered this column before.
class ColumnFilterDialog final : public QDialog
{
    Q_OBJECT
public:
    using Filters = QList<QPair<QString, QString>>;

    ColumnFilterDialog(const FieldDescriptor &field, const Filters &current, QWidget *parent = nullptr);

    // Every parameter this column's filter can use: the caller removes these before adding filters().
    static QStringList parametersOf(const FieldDescriptor &field);
    // Whether a column of this type can be filtered at all.
    static bool isFilterable(const FieldDescriptor &field);
    // "Company contains “acme”", "Created from 01.01.2025": the chip text of one active parameter.
    static QString describe(const EntityDescriptor &entity, const QString &parameter, const QString &value);

    Filters filters() const;

private:
    bool isRange() const;
    QString valueParameter() const;
    void addTimePresets(QLayout *layout);

    const FieldDescriptor &m_field;
    QLineEdit *m_text = nullptr;
    QComboBox *m_choice = nullptr;
    QCheckBox *m_fromEnabled = nullptr;
    QDateTimeEdit *m_from = nullptr; // a QDateEdit for date fields
    QCheckBox *m_toEnabled = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QCheckBox *m_empty = nullptr;
};

} // namespace backoffice::views
