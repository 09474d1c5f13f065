#pragma once

#include <QString>

namespace backoffice {
class ApiReply;
}

namespace backoffice::views {

// A failed API call as one sentence for people: what the server said, with the context a bare
// message lacks (a 403 says it is about permissions, a 409 "referenced" lists what still refers to
// the record).
QString describeFailure(const ApiReply *reply);

} // namespace backoffice::views
