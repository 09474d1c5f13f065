#include "FeeRuleForms.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "FeePreviewLabel.h"
#include "Session.h"
#include "editors/FieldEditor.h"

#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {
constexpr int PauseMs = 300;
} // namespace

FeePreviewForm::FeePreviewForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{ }

void FeePreviewForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    m_preview = new FeePreviewLabel(caption(), this);
    m_preview->setObjectName(QStringLiteral("feePreview"));
    layout->addWidget(m_preview);
    m_pause = new QTimer(this);
    m_pause->setSingleShot(true);
    m_pause->setInterval(PauseMs);
    connect(m_pause, &QTimer::timeout, this, &FeePreviewForm::refreshPreview);
    for (const QString &name : watchedFields()) {
        if (FieldEditor *field = editor(name))
            connect(field, &FieldEditor::changed, m_pause, qOverload<>(&QTimer::start));
    }
}

void FeePreviewForm::onRecordLoaded(const QJsonObject &record)
{
    Q_UNUSED(record)
    if (m_preview)
        refreshPreview();
}

void FeePreviewForm::onModeChanged(FormMode mode)
{
    if (!m_preview)
        return;
    m_preview->setVisible(previewInMode(mode));
    if (previewInMode(mode))
        m_pause->start();
}

QJsonObject FeePreviewForm::currentValues() const
{
    QJsonObject values = record();
    for (const QString &name : watchedFields()) {
        if (FieldEditor *field = editor(name))
            field->store(&values);
    }
    return values;
}

void FeePreviewForm::refreshPreview()
{
    if (!m_preview || !previewInMode(mode()))
        return;
    QUrlQuery query;
    QString hint;
    const QString path = request(currentValues(), &query, &hint);
    const int generation = ++m_generation;
    if (path.isEmpty()) {
        m_preview->showText(hint);
        emit previewShown();
        return;
    }
    m_preview->showText(tr("looking up…"));
    ApiReply *reply = session()->api()->get(path, query);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // the fields changed again meanwhile
        if (!reply->ok())
            m_preview->showText(describeFailure(reply));
        else
            m_preview->showQuote(quoteKey().isEmpty() ? reply->object() : reply->object().value(quoteKey()).toObject());
        emit previewShown();
    });
}

QStringList AdditionalFeeForm::watchedFields() const
{
    return {QStringLiteral("agreementId"), QStringLiteral("feeType"), QStringLiteral("additionalService"),
            QStringLiteral("volume")};
}

QString AdditionalFeeForm::caption() const
{
    return tr("Rate");
}

QString AdditionalFeeForm::request(const QJsonObject &values, QUrlQuery *query, QString *hint) const
{
    if (values.value(QLatin1String("feeType")).toString() != QLatin1String("byTariff")) {
        *hint = tr("A fixed fee charges its pre-rated cost.");
        return {};
    }
    const qint64 agreement = values.value(QLatin1String("agreementId")).toInteger();
    if (agreement <= 0) {
        *hint = tr("Choose an agreement to see the rate.");
        return {};
    }
    query->addQueryItem(QStringLiteral("agreementId"), QString::number(agreement));
    query->addQueryItem(QStringLiteral("additionalService"),
                        values.value(QLatin1String("additionalService")).toString());
    const qint64 volume = values.value(QLatin1String("volume")).toInteger();
    if (volume > 0)
        query->addQueryItem(QStringLiteral("volume"), QString::number(volume));
    return QStringLiteral("additional-fees/quote");
}

QStringList SenderIdFeeRuleForm::watchedFields() const
{
    return {QStringLiteral("senderRecordId"), QStringLiteral("period"), QStringLiteral("mno"),
            QStringLiteral("senderIdType")};
}

QString SenderIdFeeRuleForm::caption() const
{
    return tr("Usage fee");
}

QString SenderIdFeeRuleForm::request(const QJsonObject &values, QUrlQuery *query, QString *hint) const
{
    const qint64 sender = values.value(QLatin1String("senderRecordId")).toInteger();
    if (sender <= 0) {
        *hint = tr("Choose a sender ID to see its fee.");
        return {};
    }
    for (const char *key : {"period", "mno", "senderIdType"}) {
        const QString value = values.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            query->addQueryItem(QLatin1String(key), value);
    }
    return QStringLiteral("sender-ids/%1/fees").arg(sender);
}

} // namespace backoffice::views
