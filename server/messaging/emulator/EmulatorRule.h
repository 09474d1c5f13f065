#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// What the vendor emulator does with a submit_sm whose destination number ends with a suffix:
// "0001=submitfail", "9992=throttled:3", "9995=delay:2000". The longest matching suffix wins.
namespace backoffice::smpp {

enum class EmulatorBehaviour {
    Accept, // no rule: accepted, receipt DELIVRD or UNDELIV by deliveredPercent
    SubmitFail, // ESME_RSUBMITFAIL, no receipt
    Throttled, // ESME_RTHROTTLED for the first N attempts of that message, then accepted
    QueueFull, // ESME_RMSGQFUL the same way
    NoAnswer, // submit_sm never answered
    Delay, // submit_sm answered after `parameter` ms, then as Accept
    Undelivered, // accepted, receipt stat:UNDELIV err:001
    Rejected, // accepted, receipt stat:REJECTD
    Expired, // accepted, receipt stat:EXPIRED
    Deliver, // accepted, receipt always stat:DELIVRD
};

struct EmulatorRule {
    QByteArray suffix; // digits the destination address ends with
    EmulatorBehaviour behaviour = EmulatorBehaviour::Accept;
    // Delay: milliseconds. Throttled / QueueFull: attempts refused before acceptance (0 = the
    // emulator's throttleAttempts).
    int parameter = 0;

    // "SUFFIX=BEHAVIOUR[:N]"; nullopt with *error set when the text is not a rule.
    static std::optional<EmulatorRule> parse(QStringView text, QString *error = nullptr);
    // The text parse() reads.
    QString toString() const;
    // "submitfail", "throttled"…
    static QString behaviourName(EmulatorBehaviour behaviour);

    bool operator==(const EmulatorRule &) const = default;
};

// The rule for a destination: the one with the longest suffix it ends with (of equal ones the
// last, so a rule given later overrides a default), or nullptr.
const EmulatorRule *findRule(const QList<EmulatorRule> &rules, const QByteArray &destination);

} // namespace backoffice::smpp
