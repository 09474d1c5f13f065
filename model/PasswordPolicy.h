#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace backoffice {

// The tunable numbers of the password policy (reference §16). The defaults are the product's;
// an installation may change them. A value of 0 or less switches the corresponding rule off.
struct PasswordPolicyRules {
    int minLength = 8;              // characters
    int minCharacterGroups = 3;     // of: upper-case, lower-case, digits, other characters
    int historyDepth = 7;           // a new password may not repeat one of the last N (checked by the
                                    // server against stored hashes: only it has them)
    int maxAgeDays = 60;            // after this the user must change the password to continue
    int minAgeHours = 24;           // a user may not change their own password again sooner
    int inactivityBlockDays = 180;  // no login for longer than this blocks the account
    int idleLogoutMinutes = 60;     // a session unused for longer than this ends
};

// Applies the password policy. Pure: the caller supplies every instant, in UTC, so the rules are
// testable and the server decides what "now" is.
class PasswordPolicy final
{
public:
    static constexpr int MaxLength = 128; // refused beyond this, whatever the rules

    explicit PasswordPolicy(PasswordPolicyRules rules = {});
    const PasswordPolicyRules &rules() const { return m_rules; }

    // What is wrong with a proposed password, one sentence per problem; empty means acceptable.
    // Besides length and character groups it refuses passwords equal to the login or containing it
    // (case-insensitively, for logins of 3 characters or more) and control characters.
    QStringList strengthProblems(const QString &password, const QString &login = {}) const;

    // True once maxAgeDays have passed since the last change. A null change time counts as
    // expired: a password with an unknown age must be replaced.
    bool isExpired(const QDateTime &changedAtUtc, const QDateTime &nowUtc) const;

    // Whether a user may change their own password now: not within minAgeHours of the last change,
    // except administrators, who may always.
    bool mayChangeOwnPassword(const QDateTime &changedAtUtc, const QDateTime &nowUtc, bool isAdmin) const;

    // True when more than inactivityBlockDays passed since the last login (or, for a user who never
    // logged in, since the account was created). Administrators are never blocked this way.
    bool isBlockedForInactivity(const QDateTime &lastLoginUtc, const QDateTime &createdAtUtc,
                                const QDateTime &nowUtc, bool isAdmin) const;

    // True when the session was last used more than idleLogoutMinutes ago.
    bool isIdleExpired(const QDateTime &lastSeenUtc, const QDateTime &nowUtc) const;

    // A random password with upper- and lower-case letters, digits and symbols (at least one of
    // each), so it satisfies the default rules; length is kept between 8 and MaxLength.
    // Look-alike characters (0/O, 1/l/I) are left out because people copy these by eye.
    static QString generate(int length = 14);

private:
    PasswordPolicyRules m_rules;
};

} // namespace backoffice
