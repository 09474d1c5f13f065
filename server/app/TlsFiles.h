#pragma once

#include <QSslConfiguration>
#include <QString>

namespace backoffice::server {

// A server-side TLS configuration from PEM files: the certificate (the first one is ours, any
// further ones are its chain) and an unencrypted RSA or EC private key. False with a message that
// names the file and what is wrong with it. Qt cannot tell whether the key belongs to the
// certificate; a wrong pair shows as failing handshakes.
bool loadServerTls(const QString &certificatePath, const QString &keyPath, QSslConfiguration *tls, QString *error);

} // namespace backoffice::server
