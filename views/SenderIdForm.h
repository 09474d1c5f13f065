#pragma once

#include "EntityForm.h"

class QGroupBox;
class QLineEdit;

namespace backoffice::views {

class FeePreviewLabel;

// A sender ID (BO §6.5) with its fees below the fields: for the MNO typed, the setup fee and the
// monthly usage fee the agreement's service tree holds (green when found, red with the reason),
// whether the setup fee is written off already, and "Write off setup fee", which charges it once.
// Shown to users who may view sender ID fees; the button to those who may manage them.
class SenderIdForm final : public EntityForm
{
    Q_OBJECT
public:
    SenderIdForm(Session *session, ListContext context, QWidget *parent = nullptr);

    QLineEdit *mnoEdit() const { return m_mno; }
    QPushButton *writeOffButton() const { return m_writeOff; }
    FeePreviewLabel *setupFeeLabel() const { return m_setupFee; }
    FeePreviewLabel *usageFeeLabel() const { return m_usageFee; }

public slots:
    void loadFees();
    void writeOffSetupFee();

signals:
    void feesLoaded();

protected:
    void buildBody(QVBoxLayout *layout) override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;

private:
    void showFees(const QJsonObject &fees);
    void sendWriteOff();

    QGroupBox *m_box = nullptr;
    QLineEdit *m_mno = nullptr;
    FeePreviewLabel *m_setupFee = nullptr;
    FeePreviewLabel *m_usageFee = nullptr;
    QLabel *m_writtenOff = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_writeOff = nullptr;
    bool m_setupWrittenOff = false;
    int m_generation = 0;
};

} // namespace backoffice::views
