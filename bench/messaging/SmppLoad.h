#pragma once

// A closed-loop SMPP client load: several ESME sessions, each keeping its window full of submit_sm
// to random Spanish mobile numbers, timing every submit_sm → submit_sm_resp and counting the
// delivery receipts that come back.

#include "EsmeSession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QHash>
#include <QRandomGenerator>
#include <algorithm>
#include <memory>
#include <vector>

namespace backoffice::bench {

class SmppLoad final : public QObject
{
public:
    SmppLoad(const smpp::EsmeConfig &config, int sessions, const QByteArray &sender)
        : m_sender(sender)
    {
        for (int i = 0; i < sessions; ++i) {
            auto session = std::make_unique<smpp::EsmeSession>(config);
            smpp::EsmeSession *raw = session.get();
            connect(raw, &smpp::EsmeSession::submitAnswered, this,
                    [this, raw](quint64 ticket, quint32 status, const QByteArray &) { answered(raw, ticket, status); });
            connect(raw, &smpp::EsmeSession::submitTimedOut, this, [this, raw](quint64 ticket) { answered(raw, ticket, 0xFFFFFFFF); });
            connect(raw, &smpp::EsmeSession::deliverReceived, this, [this](const smpp::DeliverSm &) { ++m_receipts; });
            m_sessions.push_back(std::move(session));
        }
        m_clock.start();
    }

    // Runs the event loop (without spinning: the client shares the machine with the engine) until
    // done() holds or timeoutMs passed; returns done().
    template<class Done> static bool waitUntil(Done done, int timeoutMs)
    {
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (done())
                loop.quit();
        });
        check.start(20);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        if (!done())
            loop.exec();
        return done();
    }

    // Binds every session; true once all are bound (within the timeout).
    bool bind(int timeoutMs)
    {
        for (auto &session : m_sessions)
            session->start();
        return waitUntil([this] {
            return std::all_of(m_sessions.begin(), m_sessions.end(),
                               [](const auto &s) { return s->state() == smpp::EsmeState::Bound; });
        }, timeoutMs);
    }

    // Submits for `ms` milliseconds keeping `window` messages in flight per session, then waits for
    // the answers still due and (up to drainMs) for receipts.
    void run(int ms, int window, int drainMs, quint64 expectedReceiptsPerAnswer)
    {
        m_running = true;
        for (auto &session : m_sessions) {
            for (int i = 0; i < window; ++i)
                submit(session.get());
        }
        QElapsedTimer elapsed;
        elapsed.start();
        waitUntil([] { return false; }, ms);
        m_running = false;
        m_submitSeconds = double(elapsed.nsecsElapsed()) / 1e9;
        waitUntil([&] { return m_pending.isEmpty() && m_receipts >= m_okAnswers * expectedReceiptsPerAnswer; }, drainMs);
    }

    void stop()
    {
        for (auto &session : m_sessions)
            session->stop();
        waitUntil([this] {
            return std::all_of(m_sessions.begin(), m_sessions.end(),
                               [](const auto &s) { return s->state() == smpp::EsmeState::Stopped; });
        }, 5000);
    }

    quint64 okAnswers() const { return m_okAnswers; }
    quint64 errorAnswers() const { return m_errorAnswers; }
    quint64 receipts() const { return m_receipts; }
    double submitSeconds() const { return m_submitSeconds; }
    // Percentile of submit → submit_sm_resp, in milliseconds.
    double latencyMs(double percentile)
    {
        if (m_latenciesNs.empty())
            return 0;
        std::sort(m_latenciesNs.begin(), m_latenciesNs.end());
        const size_t index = std::min(m_latenciesNs.size() - 1, size_t(percentile * double(m_latenciesNs.size())));
        return double(m_latenciesNs[index]) / 1e6;
    }

private:
    void submit(smpp::EsmeSession *session)
    {
        smpp::SubmitSm pdu;
        pdu.source = {5, 0, m_sender};
        // 34 6220 xxxxx: Spanish mobiles, without the emulator's misbehaving suffixes (9990–9999).
        quint32 n = QRandomGenerator::global()->bounded(100000u);
        if (n % 10000 >= 9990)
            n -= 10;
        pdu.destination = {1, 1, QByteArray("346220") + QByteArray::number(n).rightJustified(5, '0')};
        pdu.registeredDelivery = 1;
        pdu.shortMessage = "Your verification code is 482913. It expires in 10 minutes.";
        const quint64 ticket = session->submit(pdu);
        if (ticket)
            m_pending.insert({session, ticket}, m_clock.nsecsElapsed());
    }

    void answered(smpp::EsmeSession *session, quint64 ticket, quint32 status)
    {
        const auto it = m_pending.find({session, ticket});
        if (it == m_pending.end())
            return;
        m_latenciesNs.push_back(m_clock.nsecsElapsed() - *it);
        m_pending.erase(it);
        if (status == smpp::status::Ok)
            ++m_okAnswers;
        else
            ++m_errorAnswers;
        if (m_running)
            submit(session);
    }

    QByteArray m_sender;
    std::vector<std::unique_ptr<smpp::EsmeSession>> m_sessions;
    QHash<std::pair<smpp::EsmeSession *, quint64>, qint64> m_pending;
    std::vector<qint64> m_latenciesNs;
    QElapsedTimer m_clock;
    bool m_running = false;
    quint64 m_okAnswers = 0;
    quint64 m_errorAnswers = 0;
    quint64 m_receipts = 0;
    double m_submitSeconds = 0;
};

} // namespace backoffice::bench
