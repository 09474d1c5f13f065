#include "CommandStatusText.h"

#include "SmppConstants.h"

namespace backoffice::smpp {

namespace {

const char *statusName(quint32 value)
{
    switch (value) {
    case status::Ok: return "ESME_ROK";
    case status::InvalidMessageLength: return "ESME_RINVMSGLEN";
    case status::InvalidCommandLength: return "ESME_RINVCMDLEN";
    case status::InvalidCommandId: return "ESME_RINVCMDID";
    case status::IncorrectBindStatus: return "ESME_RINVBNDSTS";
    case status::AlreadyBound: return "ESME_RALYBND";
    case status::InvalidPriorityFlag: return "ESME_RINVPRTFLG";
    case status::InvalidRegisteredDelivery: return "ESME_RINVREGDLVFLG";
    case status::SystemError: return "ESME_RSYSERR";
    case status::InvalidSourceAddress: return "ESME_RINVSRCADR";
    case status::InvalidDestinationAddress: return "ESME_RINVDSTADR";
    case status::InvalidMessageId: return "ESME_RINVMSGID";
    case status::BindFailed: return "ESME_RBINDFAIL";
    case status::InvalidPassword: return "ESME_RINVPASWD";
    case status::InvalidSystemId: return "ESME_RINVSYSID";
    case status::MessageQueueFull: return "ESME_RMSGQFUL";
    case status::InvalidServiceType: return "ESME_RINVSERTYP";
    case status::InvalidEsmClass: return "ESME_RINVESMCLASS";
    case status::SubmitFailed: return "ESME_RSUBMITFAIL";
    case status::InvalidSystemType: return "ESME_RINVSYSTYP";
    case status::Throttled: return "ESME_RTHROTTLED";
    case status::InvalidScheduledDeliveryTime: return "ESME_RINVSCHED";
    case status::InvalidValidityPeriod: return "ESME_RINVEXPIRY";
    case status::QueryFailed: return "ESME_RQUERYFAIL";
    case status::InvalidOptionalPartStream: return "ESME_RINVOPTPARSTREAM";
    case status::OptionalParameterNotAllowed: return "ESME_ROPTPARNOTALLWD";
    case status::InvalidParameterLength: return "ESME_RINVPARLEN";
    case status::MissingOptionalParameter: return "ESME_RMISSINGOPTPARAM";
    case status::InvalidOptionalParameterValue: return "ESME_RINVOPTPARAMVAL";
    case status::DeliveryFailure: return "ESME_RDELIVERYFAILURE";
    case status::UnknownError: return "ESME_RUNKNOWNERR";
    default: return nullptr;
    }
}

} // namespace

QString commandStatusText(quint32 status)
{
    const QString number = QStringLiteral("0x%1").arg(status, 8, 16, QLatin1Char('0'));
    if (const char *name = statusName(status))
        return QLatin1String(name) + QStringLiteral(" (") + number + u')';
    return number;
}

} // namespace backoffice::smpp
