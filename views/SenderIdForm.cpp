#include "SenderIdForm.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "FeePreviewLabel.h"
#include "MessageBanner.h"
#include "Session.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {
const QString feesArea = QStringLiteral("senderIdFees");
} // namespace

SenderIdForm::SenderIdForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{ }

void SenderIdForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    m_box = new QGroupBox(tr("Sender ID fees"), this);
    m_box->setObjectName(QStringLiteral("senderIdFees"));
    auto *box = new QVBoxLayout(m_box);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("MNO:"), m_box));
    m_mno = new QLineEdit(m_box);
    m_mno->setObjectName(QStringLiteral("feeMno"));
    m_mno->setPlaceholderText(tr("the operator the sender ID is registered with, e.g. Vodafone"));
    row->addWidget(m_mno, 1);
    m_check = new QPushButton(tr("Look up fees"), m_box);
    row->addWidget(m_check);
    box->addLayout(row);
    m_setupFee = new FeePreviewLabel(tr("Setup fee"), m_box);
    m_setupFee->setObjectName(QStringLiteral("setupFee"));
    m_usageFee = new FeePreviewLabel(tr("Monthly usage fee"), m_box);
    m_usageFee->setObjectName(QStringLiteral("usageFee"));
    m_writtenOff = new QLabel(m_box);
    m_writtenOff->setWordWrap(true);
    box->addWidget(m_setupFee);
    box->addWidget(m_usageFee);
    box->addWidget(m_writtenOff);
    m_writeOff = new QPushButton(tr("Write off setup fee"), m_box);
    m_writeOff->setObjectName(QStringLiteral("writeOffSetupFee"));
    m_writeOff->setToolTip(tr("Charges the setup fee shown above to the sender ID's agreement, once"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_writeOff);
    box->addLayout(buttons);
    layout->addWidget(m_box);
    m_box->setVisible(false);
    connect(m_check, &QPushButton::clicked, this, &SenderIdForm::loadFees);
    connect(m_mno, &QLineEdit::returnPressed, this, &SenderIdForm::loadFees);
    connect(m_writeOff, &QPushButton::clicked, this, &SenderIdForm::writeOffSetupFee);
}

void SenderIdForm::onRecordLoaded(const QJsonObject &record)
{
    Q_UNUSED(record)
    if (!m_box)
        return;
    const bool visible = recordId() > 0 && session()->canView(feesArea);
    m_box->setVisible(visible && mode() == FormMode::View);
    if (visible)
        loadFees();
}

void SenderIdForm::onModeChanged(FormMode mode)
{
    if (m_box)
        m_box->setVisible(mode == FormMode::View && recordId() > 0 && session()->canView(feesArea));
}

void SenderIdForm::loadFees()
{
    if (recordId() <= 0)
        return;
    QUrlQuery query;
    if (!m_mno->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("mno"), m_mno->text().trimmed());
    m_setupFee->showText(tr("looking up…"));
    m_usageFee->showText(tr("looking up…"));
    m_writeOff->setEnabled(false);
    const int generation = ++m_generation;
    ApiReply *reply = session()->api()->get(QStringLiteral("sender-ids/%1/fees").arg(recordId()), query);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            m_setupFee->showText(describeFailure(reply));
            m_usageFee->showText({});
            emit feesLoaded();
            return;
        }
        showFees(reply->object());
        emit feesLoaded();
    });
}

void SenderIdForm::showFees(const QJsonObject &fees)
{
    m_setupFee->showQuote(fees.value(QLatin1String("setupFee")).toObject());
    m_usageFee->showQuote(fees.value(QLatin1String("periodicFee")).toObject());
    const QJsonObject done = fees.value(QLatin1String("setupFeeWrittenOff")).toObject();
    m_setupWrittenOff = !done.isEmpty();
    if (m_setupWrittenOff) {
        const QDateTime at
            = QDateTime::fromString(done.value(QLatin1String("chargedAt")).toString(), Qt::ISODateWithMs);
        m_writtenOff->setText(tr("Setup fee written off on %1 UTC: %2 %3%4")
                                  .arg(at.toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                                       done.value(QLatin1String("amount")).toString(),
                                       done.value(QLatin1String("currency")).toString(),
                                       done.value(QLatin1String("mno")).toString().isEmpty()
                                           ? QString()
                                           : tr(" (MNO %1)").arg(done.value(QLatin1String("mno")).toString())));
    } else {
        m_writtenOff->setText(tr("The setup fee is not written off yet."));
    }
    m_writeOff->setVisible(session()->canManage(feesArea));
    m_writeOff->setEnabled(!m_setupWrittenOff && m_setupFee->found());
}

void SenderIdForm::writeOffSetupFee()
{
    if (recordId() <= 0 || m_setupWrittenOff)
        return;
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Write off setup fee"),
                                    tr("Charge the setup fee shown (%1) to the sender ID's agreement now? "
                                       "It is written off once.")
                                        .arg(m_setupFee->text().remove(QRegularExpression(QStringLiteral("<[^>]*>")))),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("writeOffConfirmation"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            sendWriteOff();
    });
    confirm->open();
}

void SenderIdForm::sendWriteOff()
{
    QJsonObject body;
    if (!m_mno->text().trimmed().isEmpty())
        body.insert(QStringLiteral("mno"), m_mno->text().trimmed());
    m_writeOff->setEnabled(false);
    ApiReply *reply = session()->api()->post(QStringLiteral("sender-ids/%1/setup-fee").arg(recordId()), body);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            banner()->showError(describeFailure(reply));
        } else {
            const QJsonObject fee = reply->object();
            banner()->showInfo(tr("Setup fee written off: %1 %2")
                                   .arg(fee.value(QLatin1String("amount")).toString(),
                                        fee.value(QLatin1String("currency")).toString()));
        }
        loadFees();
    });
}

} // namespace backoffice::views
