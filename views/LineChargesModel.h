#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

namespace backoffice {
class ApiClient;
class ApiReply;
} // namespace backoffice

namespace backoffice::views {

// The charges one invoice line sums. Charges do not name their invoice: a line is the charges of
// the invoice's agreement with chargedAt in [periodStart, periodEnd) sharing the line's source,
// service, sender ID, rate and tier, which is what this model asks the charges collection for.
// The API matches a text filter by substring, so the tier is compared exactly here as well
// ("tier 1 of 2" must not take "tier 1 of 20").
//
// A traffic line may hold millions of charges: they arrive a page at a time as the view scrolls
// (canFetchMore/fetchMore), never all at once.
class LineChargesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Source, Edr, SenderId, Units, UnitPrice, Amount, Description, ColumnCount };
    enum Role {
        ChargeRole = Qt::UserRole + 1, // the charge as the server sent it (QJsonObject)
    };

    explicit LineChargesModel(ApiClient *api, QObject *parent = nullptr);

    // The filters of GET charges that select the line's charges (the tier by substring).
    static QUrlQuery queryFor(const QJsonObject &invoice, const QJsonObject &line);

    // Starts over with the charges of this line of this invoice and asks for the first page.
    void load(const QJsonObject &invoice, const QJsonObject &line);
    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 1000); }

    bool isLoading() const { return m_loading; }
    // Every charge of the line has arrived.
    bool isComplete() const { return m_complete; }
    QJsonObject chargeAt(int row) const;
    // The billing time zone times are shown in (the invoice's).
    QString timeZone() const { return m_zone; }
    QString currency() const { return m_currency; }

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A page was answered: ok, or the server's refusal as a sentence for people.
    void pageLoaded(bool ok, const QString &message);

private:
    void requestPage();
    void onPage(ApiReply *reply);

    ApiClient *m_api;
    QUrlQuery m_query;
    QString m_band;
    QString m_zone;
    QString m_currency;
    int m_pageSize = 500;
    int m_serverOffset = 0; // charges read from the server so far, kept or not
    int m_generation = 0;
    bool m_loading = false;
    bool m_complete = true;
    QList<QJsonObject> m_charges;
};

} // namespace backoffice::views
