#pragma once

namespace backoffice::server {

class AuthService;
class Router;

// auth/login, auth/logout, auth/me, auth/password.
void addAuthRoutes(Router &router, AuthService &auth);

} // namespace backoffice::server
