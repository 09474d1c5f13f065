#include "EdrRecord.h"

namespace backoffice::server::edrstatus {

bool isFinal(const QString &status)
{
    return status == delivered || status == undelivered || status == failed || status == seen;
}

} // namespace backoffice::server::edrstatus
