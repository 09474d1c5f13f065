#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace backoffice::views {

class MessageBanner;
class ReferenceComboBox;
class Session;

// Finance → Services → Quote: staff type a number, pick an agreement and a time, and see which
// enabled service prices the message, the price and the explain trace (POST rating/quote).
// Attributes the number does not give (direction, pricing category, message type, MNO…) are typed
// in a table; an optional "volume already counted" answers what-if questions about scales.
class QuotePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit QuotePanel(Session *session, QWidget *parent = nullptr);

    ReferenceComboBox *agreementPicker() const { return m_agreement; }
    void setChannel(const QString &domainKey, const QString &resourceKey);
    void setNumber(const QString &number);
    void setAttribute(const QString &dimensionKey, const QString &value);
    void setSegments(int segments);
    void setPeriodVolume(qint64 volume); // negative: use the stored counters
    // Sends the request; the answer arrives with quoted().
    void requestQuote();
    const QJsonObject &lastAnswer() const { return m_answer; }

signals:
    void quoted(bool ok);

private:
    QWidget *buildRequestForm();
    QWidget *buildResultView();
    void fillResources();
    QJsonObject requestBody() const;
    void showAnswer(const QJsonObject &answer);
    void clearResult();

    Session *m_session;
    MessageBanner *m_banner;
    ReferenceComboBox *m_agreement;
    QDateTimeEdit *m_time;
    QComboBox *m_zone;
    QComboBox *m_channel;
    QComboBox *m_resource;
    QLineEdit *m_number;
    QLineEdit *m_senderId;
    QSpinBox *m_messages;
    QSpinBox *m_segments;
    QTableWidget *m_attributes;
    QCheckBox *m_useVolume;
    QSpinBox *m_volume;
    QPushButton *m_quote;

    QLabel *m_headline;
    QLabel *m_reason;
    QLabel *m_details;
    QLabel *m_explain;
    QLabel *m_destination;
    QTableWidget *m_considered;
    QJsonObject m_answer;
};

} // namespace backoffice::views
