#include "EmulatorRule.h"

namespace backoffice::smpp {

namespace {

struct BehaviourName {
    EmulatorBehaviour behaviour;
    const char *name;
};

constexpr BehaviourName BehaviourNames[] = {
    {EmulatorBehaviour::Accept, "accept"},           {EmulatorBehaviour::SubmitFail, "submitfail"},
    {EmulatorBehaviour::Throttled, "throttled"},     {EmulatorBehaviour::QueueFull, "queuefull"},
    {EmulatorBehaviour::NoAnswer, "noanswer"},       {EmulatorBehaviour::Delay, "delay"},
    {EmulatorBehaviour::Undelivered, "undelivered"}, {EmulatorBehaviour::Rejected, "rejected"},
    {EmulatorBehaviour::Expired, "expired"},         {EmulatorBehaviour::Deliver, "deliver"},
};

bool takesParameter(EmulatorBehaviour behaviour)
{
    return behaviour == EmulatorBehaviour::Delay || behaviour == EmulatorBehaviour::Throttled
        || behaviour == EmulatorBehaviour::QueueFull;
}

} // namespace

QString EmulatorRule::behaviourName(EmulatorBehaviour behaviour)
{
    for (const BehaviourName &entry : BehaviourNames) {
        if (entry.behaviour == behaviour)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("accept");
}

std::optional<EmulatorRule> EmulatorRule::parse(QStringView text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<EmulatorRule> {
        if (error)
            *error = QStringLiteral("rule \"%1\": %2").arg(text.toString(), why);
        return std::nullopt;
    };
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0)
        return fail(QStringLiteral("expected SUFFIX=BEHAVIOUR"));
    const QStringView suffix = text.first(equals).trimmed();
    for (QChar c : suffix) {
        if (!c.isDigit() && c != u'+')
            return fail(QStringLiteral("the suffix must be digits"));
    }
    QStringView behaviour = text.sliced(equals + 1).trimmed();
    QStringView parameter;
    if (const qsizetype colon = behaviour.indexOf(u':'); colon >= 0) {
        parameter = behaviour.sliced(colon + 1);
        behaviour = behaviour.first(colon);
    }
    EmulatorRule rule;
    rule.suffix = suffix.toLatin1();
    bool known = false;
    for (const BehaviourName &entry : BehaviourNames) {
        if (behaviour.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0) {
            rule.behaviour = entry.behaviour;
            known = true;
        }
    }
    if (!known)
        return fail(QStringLiteral("unknown behaviour \"%1\"").arg(behaviour.toString()));
    if (!parameter.isNull()) {
        bool ok = false;
        rule.parameter = parameter.toInt(&ok);
        if (!takesParameter(rule.behaviour) || !ok || rule.parameter < 0)
            return fail(
                QStringLiteral("\"%1\" is not a parameter of %2").arg(parameter.toString(), behaviour.toString()));
    }
    if (rule.behaviour == EmulatorBehaviour::Delay && rule.parameter <= 0)
        return fail(QStringLiteral("delay needs milliseconds, e.g. delay:2000"));
    return rule;
}

QString EmulatorRule::toString() const
{
    QString text = QString::fromLatin1(suffix) + u'=' + behaviourName(behaviour);
    if (parameter > 0)
        text += u':' + QString::number(parameter);
    return text;
}

const EmulatorRule *findRule(const QList<EmulatorRule> &rules, const QByteArray &destination)
{
    const EmulatorRule *best = nullptr;
    for (const EmulatorRule &rule : rules) {
        if (destination.endsWith(rule.suffix) && (!best || rule.suffix.size() >= best->suffix.size()))
            best = &rule;
    }
    return best;
}

} // namespace backoffice::smpp
