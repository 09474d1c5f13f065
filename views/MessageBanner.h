#pragma once

#include <QLabel>

namespace backoffice::views {

// The line at the top of a list or form that says what went wrong (or what just happened) without
// a modal dialog in the way: a refused request is information, not an emergency.
class MessageBanner final : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Error, Info };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind);
    void showError(const QString &text) { showMessage(text, Kind::Error); }
    void showInfo(const QString &text) { showMessage(text, Kind::Info); }
    void clearMessage();
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Info;
};

} // namespace backoffice::views
