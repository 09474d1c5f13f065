#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace backoffice::views {

class FieldEditor;

// One field of a form: its label (with * when it must be filled), the editor or, when the field is
// only shown, its value as text, and the server's complaint about it in red underneath.
class FieldCell final : public QWidget
{
    Q_OBJECT
public:
    explicit FieldCell(FieldEditor *editor, QWidget *parent = nullptr);

    FieldEditor *editor() const { return m_editor; }
    QLabel *valueLabel() const { return m_value; }
    QLabel *errorLabel() const { return m_error; }

    void setEditing(bool editing);
    bool isEditing() const { return m_editing; }
    void setDisplayText(const QString &text);
    void setRequiredMarker(bool required);
    void setError(const QString &message);
    QString error() const;
    // Wide editors (long text, lists) take both columns of the form.
    bool isWide() const;

private:
    void updateLabel();

    FieldEditor *m_editor;
    QLabel *m_label;
    QStackedWidget *m_stack;
    QLabel *m_value;
    QLabel *m_error;
    bool m_editing = false;
    bool m_required = false;
};

} // namespace backoffice::views
