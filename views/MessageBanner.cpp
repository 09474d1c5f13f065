#include "MessageBanner.h"

namespace backoffice::views {

MessageBanner::MessageBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(6);
    hide();
}

void MessageBanner::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    setProperty("kind", kind == Kind::Error ? QStringLiteral("error") : QStringLiteral("info"));
    setStyleSheet(kind == Kind::Error
                      ? QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd; }")
                      : QStringLiteral("QLabel { background: #e8f4fd; color: #0b4f79; border: 1px solid #b9dcf5; }"));
    setText(text);
    setVisible(!text.isEmpty());
}

void MessageBanner::clearMessage()
{
    clear();
    hide();
}

} // namespace backoffice::views
