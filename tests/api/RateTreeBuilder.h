#pragma once

#include "TestServer.h"

namespace backoffice::test {

// Builds a rate tree in the API form node by node, the way staff click it together in the
// constructor: ids are the client's own (negative), parents come first.
class RateTreeBuilder final
{
public:
    qint64 depends(qint64 parent, const QString &match, const QString &dimension)
    {
        return add(parent, match, {{s("priceType"), s("depends")}, {s("dimension"), dimension}});
    }
    qint64 flat(qint64 parent, const QString &match, const QString &price)
    {
        return add(parent, match, {{s("priceType"), s("flat")}, {s("price"), price}});
    }
    qint64 plain(qint64 parent, const QString &match, const QString &priceType)
    {
        return add(parent, match, {{s("priceType"), priceType}});
    }
    // bands: {from, price} pairs; mode tier or backToFirst; group agreement or senderId.
    qint64 scale(qint64 parent, const QString &match, const QList<QPair<qint64, QString>> &bands,
                 const QString &mode = s("tier"), const QString &group = s("agreement"))
    {
        QJsonArray list;
        for (const auto &[from, price] : bands)
            list.append(j({{s("from"), from}, {s("price"), price}}));
        return add(parent, match,
                   {{s("priceType"), s("scale")},
                    {s("scale"), j({{s("mode"), mode}, {s("counterGroup"), group}, {s("bands"), list}})}});
    }
    void rules(qint64 id, const QString &billing, const QString &quantity)
    {
        for (qsizetype i = 0; i < m_nodes.size(); ++i) {
            QJsonObject node = m_nodes.at(i).toObject();
            if (node.value(s("id")).toInteger() != id)
                continue;
            // An empty rule is inherited: null in the API form.
            node.insert(s("billingRule"), billing.isEmpty() ? QJsonValue() : QJsonValue(billing));
            node.insert(s("quantityRule"), quantity.isEmpty() ? QJsonValue() : QJsonValue(quantity));
            m_nodes.replace(i, node);
        }
    }
    QJsonObject body() const { return j({{s("nodes"), m_nodes}}); }

    // SMS → SMS message → MT at one flat price, charged on submit per segment: the plain
    // pay-as-you-go tree the billing tests price their traffic with.
    static RateTreeBuilder flatSms(const Amount &price)
    {
        RateTreeBuilder tree;
        const qint64 sms = tree.depends(0, s("sms"), s("resource"));
        const qint64 message = tree.depends(sms, s("sms-message"), s("direction"));
        tree.rules(message, s("submitted"), s("segments"));
        tree.flat(message, s("mt"), price.toString(6));
        return tree;
    }

private:
    qint64 add(qint64 parent, const QString &match, const QJsonObject &detail)
    {
        QJsonObject node = detail;
        const qint64 id = --m_next;
        node.insert(s("id"), id);
        node.insert(s("parentId"), parent == 0 ? QJsonValue() : QJsonValue(parent));
        node.insert(s("position"), m_positions[parent]++);
        node.insert(s("match"), match);
        m_nodes.append(node);
        return id;
    }

    qint64 m_next = 0;
    QHash<qint64, int> m_positions;
    QJsonArray m_nodes;
};

} // namespace backoffice::test
