#pragma once

#include "EntityForm.h"

class QTimer;

namespace backoffice::views {

class FeePreviewLabel;

// A form that shows, under its fields, the fee the agreement's service tree holds for what the
// fields say, asked again (after a short pause) whenever one of them changes.
class FeePreviewForm : public EntityForm
{
    Q_OBJECT
public:
    FeePreviewForm(Session *session, ListContext context, QWidget *parent = nullptr);

    FeePreviewLabel *preview() const { return m_preview; }

public slots:
    void refreshPreview();

signals:
    void previewShown();

protected:
    void buildBody(QVBoxLayout *layout) override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;
    // The fields whose changes ask again, the caption, and the request (empty path: nothing to ask
    // yet, *hint says why). The answer's fee is at quoteKey ("" for the whole answer).
    virtual QStringList watchedFields() const = 0;
    virtual QString caption() const = 0;
    virtual QString request(const QJsonObject &values, QUrlQuery *query, QString *hint) const = 0;
    virtual QString quoteKey() const { return {}; }
    virtual bool previewInMode(FormMode mode) const
    {
        Q_UNUSED(mode)
        return true;
    }

private:
    QJsonObject currentValues() const;

    FeePreviewLabel *m_preview = nullptr;
    QTimer *m_pause = nullptr;
    int m_generation = 0;
};

// BO §7.4: "✓ 5 EUR, effective …" for the agreement, additional service and volume of a new fee.
class AdditionalFeeForm final : public FeePreviewForm
{
    Q_OBJECT
public:
    using FeePreviewForm::FeePreviewForm;

protected:
    QStringList watchedFields() const override;
    QString caption() const override;
    QString request(const QJsonObject &values, QUrlQuery *query, QString *hint) const override;
    bool previewInMode(FormMode mode) const override { return mode == FormMode::Create; }
    // An issued fee stays (the server refuses with 409): it is corrected by a new fee, not deleted.
    bool canDeleteRecord() const override { return false; }
};

// BO §6.5 "periodic fee rules": the usage fee found for the rule's sender ID, period, MNO and sender
// ID type, green when found, red when not.
class SenderIdFeeRuleForm final : public FeePreviewForm
{
    Q_OBJECT
public:
    using FeePreviewForm::FeePreviewForm;

protected:
    QStringList watchedFields() const override;
    QString caption() const override;
    QString request(const QJsonObject &values, QUrlQuery *query, QString *hint) const override;
    QString quoteKey() const override { return QStringLiteral("periodicFee"); }
};

} // namespace backoffice::views
