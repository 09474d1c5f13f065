#include "TlsFiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace backoffice::server {

namespace {

bool readFile(const QString &path, const char *what, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the TLS %1 %2: %3").arg(QLatin1String(what), path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

// The key's algorithm is not in the PEM header of PKCS#8 files, so each is tried.
QSslKey parseKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

bool loadServerTls(const QString &certificatePath, const QString &keyPath, QSslConfiguration *tls, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("TLS is not available: Qt found no TLS backend (the openssl plugin of libqt6network6)");
        return false;
    }
    QByteArray certificateBytes;
    QByteArray keyBytes;
    if (!readFile(certificatePath, "certificate", &certificateBytes, error) || !readFile(keyPath, "key", &keyBytes, error))
        return false;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateBytes, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("The TLS certificate %1 holds no PEM certificate").arg(certificatePath);
        return false;
    }
    const QSslKey key = parseKey(keyBytes);
    if (key.isNull()) {
        *error = QStringLiteral("The TLS key %1 holds no unencrypted PEM RSA or EC private key").arg(keyPath);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    // Clients authenticate with their SMPP login; a client certificate is not asked for.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    *tls = configuration;
    return true;
}

} // namespace backoffice::server
