#pragma once

// Waiting for one API call in a benchmark's setup, and saying what failed.

#include "ApiClient.h"

#include <cstdio>

namespace backoffice::bench {

// Waits (up to 10 minutes: big trees take a while to store); false, with the reason on stderr,
// when the call failed.
inline bool ok(ApiReply *reply, const char *what)
{
    if (reply->waitForFinished(600000))
        return true;
    std::fprintf(stderr, "%s failed: %d %s %s\n", what, reply->httpStatus(), qPrintable(reply->error().message),
                 reply->body().left(500).constData());
    return false;
}

} // namespace backoffice::bench
