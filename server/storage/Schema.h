#pragma once

#include <QStringList>

namespace backoffice::server::schema {

// The statements of each schema version. Never edit a released version: add the next one.
QStringList version1();

} // namespace backoffice::server::schema
