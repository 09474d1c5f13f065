#include "AuthRoutes.h"

#include "ApiException.h"
#include "AuthService.h"
#include "Router.h"

namespace backoffice::server {

void addAuthRoutes(Router &router, AuthService &auth)
{
    const QString tag = QStringLiteral("Authentication");

    RouteDoc loginDoc;
    loginDoc.summary = QStringLiteral("Sign in with login and password; answers a bearer token");
    loginDoc.tag = tag;
    loginDoc.authenticated = false;
    loginDoc.requestSchema = QStringLiteral("LoginRequest");
    loginDoc.responseSchema = QStringLiteral("LoginResponse");
    loginDoc.errorStatuses = {400, 401, 403, 429};
    router.add(QStringLiteral("POST"), QStringLiteral("auth/login"), loginDoc,
               [&auth](const ApiRequest &request, const SessionContext *) {
                   const QJsonObject body = request.jsonObject();
                   return ApiResponse::json(auth.login(body.value(QLatin1String("login")).toString(),
                                                       body.value(QLatin1String("password")).toString(),
                                                       request.ipAddress));
               });

    RouteDoc logoutDoc;
    logoutDoc.summary = QStringLiteral("End the current session");
    logoutDoc.tag = tag;
    logoutDoc.responseKind = RouteDoc::Response::Empty;
    logoutDoc.allowedDuringPasswordChange = true;
    logoutDoc.errorStatuses = {401};
    router.add(QStringLiteral("POST"), QStringLiteral("auth/logout"), logoutDoc,
               [&auth](const ApiRequest &, const SessionContext *session) {
                   auth.logout(*session);
                   return ApiResponse::noContent();
               });

    RouteDoc meDoc;
    meDoc.summary = QStringLiteral("The signed-in user, permissions and password state");
    meDoc.tag = tag;
    meDoc.responseSchema = QStringLiteral("Me");
    meDoc.allowedDuringPasswordChange = true;
    meDoc.errorStatuses = {401};
    router.add(QStringLiteral("GET"), QStringLiteral("auth/me"), meDoc,
               [&auth](const ApiRequest &, const SessionContext *session) {
                   return ApiResponse::json(auth.describe(*session));
               });

    RouteDoc passwordDoc;
    passwordDoc.summary = QStringLiteral("Change the signed-in user's password (password policy applies)");
    passwordDoc.tag = tag;
    passwordDoc.requestSchema = QStringLiteral("PasswordChange");
    passwordDoc.responseKind = RouteDoc::Response::Empty;
    passwordDoc.allowedDuringPasswordChange = true;
    passwordDoc.errorStatuses = {400, 401, 422};
    router.add(QStringLiteral("POST"), QStringLiteral("auth/password"), passwordDoc,
               [&auth](const ApiRequest &request, const SessionContext *session) {
                   const QJsonObject body = request.jsonObject();
                   auth.changeOwnPassword(*session, body.value(QLatin1String("currentPassword")).toString(),
                                          body.value(QLatin1String("newPassword")).toString());
                   return ApiResponse::noContent();
               });
}

} // namespace backoffice::server
