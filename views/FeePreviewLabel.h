#pragma once

#include <QJsonObject>
#include <QLabel>

namespace backoffice::views {

// One line saying what a fee found in the agreement's service tree costs: green "✓ 5.00 EUR,
// effective 01.09.2024 00:00 UTC – ∞ (Additional services)" when found, red with the server's
// reason when not (the answers of sender-ids/{id}/fees and additional-fees/quote).
class FeePreviewLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit FeePreviewLabel(const QString &caption, QWidget *parent = nullptr);

    void showQuote(const QJsonObject &quote);
    void showText(const QString &text); // neutral: "Looking up the fee…", "Choose an agreement"
    bool found() const { return m_found; }

private:
    QString m_caption;
    bool m_found = false;
};

} // namespace backoffice::views
