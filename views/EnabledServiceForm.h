#pragma once

#include "EntityForm.h"

#include <QJsonObject>

class QLabel;
class QTimer;

namespace backoffice::views {

// An enabled service, pack or bundle (reference §6.4). Choosing a pack billed "charge" shows,
// before saving, what its purchase will cost — the price the agreement's pay-as-you-go service
// asks under Service purchase (POST enabled-services/pack-price) — or "Rate not found" in red.
// A saved record shows the sub-balance fields of its kind of pack.
class EnabledServiceForm final : public EntityForm
{
    Q_OBJECT
public:
    EnabledServiceForm(Session *session, ListContext context, QWidget *parent = nullptr);

    QLabel *priceLabel() const { return m_price; }

protected:
    void buildBody(QVBoxLayout *layout) override;
    // Sub-balance fields only where they mean something: units for unit and bundle packs, money
    // for monetary packs, auto extend for bundle packs, billing for packs.
    bool isFieldShown(const FieldDescriptor &field, FormMode mode) const override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;

private:
    void askPrice();
    void showPrice(const QJsonObject &answer);
    // The form's values over the record's: in Edit mode only changes are collected.
    QJsonObject currentValues() const;

    QLabel *m_price = nullptr;
    QTimer *m_debounce = nullptr;
    QJsonObject m_record;
    int m_generation = 0;
};

} // namespace backoffice::views
