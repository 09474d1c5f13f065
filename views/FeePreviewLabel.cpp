#include "FeePreviewLabel.h"

#include <QDateTime>

namespace backoffice::views {

namespace {

QString instantText(const QJsonValue &value)
{
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC().toString(QStringLiteral("dd.MM.yyyy HH:mm")) + QStringLiteral(" UTC")
                        : QStringLiteral("∞");
}

} // namespace

FeePreviewLabel::FeePreviewLabel(const QString &caption, QWidget *parent)
    : QLabel(parent)
    , m_caption(caption)
{
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void FeePreviewLabel::showQuote(const QJsonObject &quote)
{
    m_found = quote.value(QLatin1String("found")).toBool();
    const QString caption
        = m_caption.isEmpty() ? QString() : QStringLiteral("<b>%1:</b> ").arg(m_caption.toHtmlEscaped());
    if (!m_found) {
        setText(caption
                + QStringLiteral("<span style=\"color:#c62828\">✗ %1</span>")
                      .arg(quote.value(QLatin1String("message")).toString().toHtmlEscaped()));
        setToolTip({});
        return;
    }
    const QString amount = QStringLiteral("%1 %2").arg(quote.value(QLatin1String("amount")).toString(),
                                                       quote.value(QLatin1String("currency")).toString());
    QString detail = tr("effective %1 – %2")
                         .arg(instantText(quote.value(QLatin1String("effectiveFrom"))),
                              instantText(quote.value(QLatin1String("effectiveTill"))));
    if (quote.value(QLatin1String("quantity")).toInteger(1) > 1)
        detail = tr("%1 × %2, %3")
                     .arg(quote.value(QLatin1String("quantity")).toInteger())
                     .arg(quote.value(QLatin1String("unitPrice")).toString(), detail);
    setText(caption
            + QStringLiteral("<span style=\"color:#2e7d32\">✓ %1</span>, %2 (%3)")
                  .arg(amount.toHtmlEscaped(), detail.toHtmlEscaped(),
                       quote.value(QLatin1String("serviceName")).toString().toHtmlEscaped()));
    setToolTip(quote.value(QLatin1String("explain")).toString());
}

void FeePreviewLabel::showText(const QString &text)
{
    m_found = false;
    const QString caption
        = m_caption.isEmpty() ? QString() : QStringLiteral("<b>%1:</b> ").arg(m_caption.toHtmlEscaped());
    setText(caption + text.toHtmlEscaped());
    setToolTip({});
}

} // namespace backoffice::views
