#pragma once

#include "EmulatorRule.h"
#include "SmscServerConfig.h"

#include <QHostAddress>
#include <QList>

// How the vendor emulator behaves: who may bind, how quickly and how well messages are "delivered",
// and which destination numbers misbehave.
namespace backoffice::smpp {

struct VendorEmulatorConfig {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0 picks a free port
    // Accepted credentials; empty accepts any.
    QByteArray systemId;
    QByteArray password;
    int dlrDelayMs = 500; // from the submit_sm_resp to its delivery receipt
    // Share of messages without a rule that end DELIVRD (the rest UNDELIV), decided per message id
    // (VendorEmulator::deliveredByDefault) so a test can predict each outcome.
    int deliveredPercent = 90;
    // Attempts a "throttled" or "queuefull" message is refused before it is accepted.
    int throttleAttempts = 2;
    // submit_sm per second per bind, 0 = none: beyond it the SMSC answers ESME_RTHROTTLED.
    int throughputLimit = 0;
    // Used after the default rules, so a rule here overrides a default with the same suffix.
    QList<EmulatorRule> rules;
    bool defaultRules = true;
    // Window, timeouts and TLS of the SMSC underneath.
    SmscServerConfig server;

    // The rules in force: the defaults (when defaultRules) followed by `rules`.
    QList<EmulatorRule> effectiveRules() const;
    // Destination numbers ending 9990..9999, one behaviour each (docs/MESSAGING-EMULATOR.md).
    static QList<EmulatorRule> defaultRuleSet();
};

} // namespace backoffice::smpp
