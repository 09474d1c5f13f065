#include "DimensionValueSearch.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "RatingCatalogue.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

constexpr int KeyRole = Qt::UserRole + 1;
constexpr int LabelRole = Qt::UserRole + 2;

void addResult(QListWidget *list, const QString &key, const QString &label)
{
    auto *item
        = new QListWidgetItem(key == label || label.isEmpty() ? key : QStringLiteral("%1 (%2)").arg(label, key), list);
    item->setData(KeyRole, key);
    item->setData(LabelRole, label.isEmpty() ? key : label);
}

} // namespace

DimensionValueSearch::DimensionValueSearch(ApiClient &api, const QString &dimension, QWidget *parent)
    : QWidget(parent)
    , m_api(&api)
    , m_dimension(dimension)
    , m_search(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_debounce(new QTimer(this))
{
    m_search->setObjectName(QStringLiteral("dimensionValueSearch"));
    m_search->setPlaceholderText(tr("Type part of a name or code"));
    m_search->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("dimensionValueResults"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);

    connect(m_search, &QLineEdit::textEdited, this, [this] { m_debounce->start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_results->currentItem())
            chooseCurrent();
    });
    connect(m_debounce, &QTimer::timeout, this, &DimensionValueSearch::send);
    connect(m_results, &QListWidget::itemActivated, this, [this] { chooseCurrent(); });
}

void DimensionValueSearch::search(const QString &text)
{
    m_search->setText(text);
    m_debounce->stop();
    send();
}

void DimensionValueSearch::send()
{
    if (!m_api)
        return;
    const int sequence = ++m_sequence;
    m_searching = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("dimension"), m_dimension);
    query.addQueryItem(QStringLiteral("q"), m_search->text().trimmed());
    query.addQueryItem(QStringLiteral("limit"), QString::number(ResultLimit));
    ApiReply *reply = m_api->get(QStringLiteral("rating/dimension-values"), query);
    connect(reply, &ApiReply::finished, this, [this, reply, sequence] {
        reply->deleteLater();
        if (sequence != m_sequence)
            return;
        m_searching = false;
        m_results->clear();
        // Others is a valid target whatever the dictionary holds (docs/API.md).
        addResult(m_results, rating::RateNode::othersMatch(), rating::RatingCatalogue::othersLabel());
        if (!reply->ok()) {
            auto *item = new QListWidgetItem(describeFailure(reply), m_results);
            item->setFlags(Qt::NoItemFlags);
        } else {
            for (const QJsonValue &value : reply->object().value(QLatin1String("items")).toArray()) {
                const QJsonObject object = value.toObject();
                addResult(m_results, object.value(QLatin1String("key")).toString(),
                          object.value(QLatin1String("label")).toString());
            }
        }
        const bool found = m_results->count() > 1 && (m_results->item(1)->flags() & Qt::ItemIsEnabled);
        if (!found && reply->ok()) {
            auto *none = new QListWidgetItem(
                tr("No value matches \"%1\": type part of another name or a code, or choose Others.")
                    .arg(m_search->text().trimmed()),
                m_results);
            none->setFlags(Qt::NoItemFlags);
        }
        // The best guess is the first dictionary value. Others is never chosen for the user: with
        // no match nothing is selected, and Enter or "Use the selected match" does nothing.
        m_results->setCurrentRow(found ? 1 : -1);
        emit searchFinished();
    });
}

void DimensionValueSearch::chooseCurrent()
{
    const QListWidgetItem *item = m_results->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    emit chosen(item->data(KeyRole).toString(), item->data(LabelRole).toString());
}

} // namespace backoffice::views
