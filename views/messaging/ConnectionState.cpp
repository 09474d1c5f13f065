#include "ConnectionState.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace backoffice::views::connectionstate {

Health healthOf(const QString &state)
{
    if (state == QLatin1String("bound"))
        return Health::Up;
    if (state == QLatin1String("connecting") || state == QLatin1String("binding"))
        return Health::Pending;
    return Health::Down;
}

QColor colorOf(Health health)
{
    switch (health) {
    case Health::Up: return QColor(0x2e, 0x7d, 0x32);
    case Health::Pending: return QColor(0xf5, 0x9e, 0x0b);
    case Health::Down: break;
    }
    return QColor(0xc6, 0x28, 0x28);
}

QIcon dotIcon(Health health)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colorOf(health));
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    painter.end();
    return QIcon(pixmap);
}

QString stateLabel(const QString &state)
{
    static const struct {
        const char *key;
        const char *label;
    } labels[] = {
        {"bound", QT_TRANSLATE_NOOP("ConnectionState", "Bound")},
        {"connecting", QT_TRANSLATE_NOOP("ConnectionState", "Connecting")},
        {"binding", QT_TRANSLATE_NOOP("ConnectionState", "Binding")},
        {"disconnected", QT_TRANSLATE_NOOP("ConnectionState", "Disconnected")},
        {"unbinding", QT_TRANSLATE_NOOP("ConnectionState", "Unbinding")},
        {"stopped", QT_TRANSLATE_NOOP("ConnectionState", "Stopped")},
    };
    for (const auto &entry : labels) {
        if (state == QLatin1String(entry.key))
            return QCoreApplication::translate("ConnectionState", entry.label);
    }
    return state;
}

} // namespace backoffice::views::connectionstate
