#include "Pdu.h"

namespace backoffice::smpp {

CommandId Pdu::commandId() const
{
    return std::visit([](const auto &body) { return std::decay_t<decltype(body)>::Id; }, body);
}

} // namespace backoffice::smpp
