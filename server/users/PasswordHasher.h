#pragma once

#include <QString>

namespace backoffice::server {

// argon2id password hashes and random session tokens, both from libsodium.
class PasswordHasher final
{
public:
    static bool initialize();                       // sodium_init; false if the library is unusable
    static QString hash(const QString &password);   // encoded argon2id string with its own salt
    static bool verify(const QString &encodedHash, const QString &password);
    static QString randomToken();                   // 256 random bits, base64url
    static QString tokenDigest(const QString &token); // what the sessions table stores
};

} // namespace backoffice::server
