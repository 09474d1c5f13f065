#include "VendorEmulatorConfig.h"

namespace backoffice::smpp {

QList<EmulatorRule> VendorEmulatorConfig::defaultRuleSet()
{
    // Suffixes unlikely to occur in real traffic, so a demo vendor behaves well for ordinary numbers
    // and badly, in a known way, for these.
    return {
        {QByteArrayLiteral("9990"), EmulatorBehaviour::Deliver, 0},
        {QByteArrayLiteral("9991"), EmulatorBehaviour::SubmitFail, 0},
        {QByteArrayLiteral("9992"), EmulatorBehaviour::Throttled, 0},
        {QByteArrayLiteral("9993"), EmulatorBehaviour::QueueFull, 0},
        {QByteArrayLiteral("9994"), EmulatorBehaviour::NoAnswer, 0},
        {QByteArrayLiteral("9995"), EmulatorBehaviour::Delay, 2000},
        {QByteArrayLiteral("9996"), EmulatorBehaviour::Undelivered, 0},
        {QByteArrayLiteral("9997"), EmulatorBehaviour::Rejected, 0},
        {QByteArrayLiteral("9998"), EmulatorBehaviour::Expired, 0},
        {QByteArrayLiteral("9999"), EmulatorBehaviour::Delay, 15000},
    };
}

QList<EmulatorRule> VendorEmulatorConfig::effectiveRules() const
{
    QList<EmulatorRule> all = defaultRules ? defaultRuleSet() : QList<EmulatorRule>();
    all.append(rules);
    return all;
}

} // namespace backoffice::smpp
