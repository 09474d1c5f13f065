#pragma once

#include <QJsonObject>

namespace backoffice::server {

class Router;

// The OpenAPI 3.0 document of every route the router holds, with a schema per catalogue entity.
QJsonObject buildOpenApi(const Router &router);

} // namespace backoffice::server
