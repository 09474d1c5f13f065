#include "PasswordPolicy.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <utility>

namespace backoffice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::PasswordPolicy", text);
}

enum Group { Upper = 1, Lower = 2, Digit = 4, Other = 8 };

int groupOf(QChar c)
{
    if (c.isDigit())
        return Digit;
    if (c.isUpper())
        return Upper;
    if (c.isLower())
        return Lower;
    // Symbols, punctuation, spaces and letters of scripts without case.
    return Other;
}

qint64 secondsBetween(const QDateTime &from, const QDateTime &to)
{
    return from.secsTo(to);
}

} // namespace

PasswordPolicy::PasswordPolicy(PasswordPolicyRules rules)
    : m_rules(rules)
{
}

QStringList PasswordPolicy::strengthProblems(const QString &password, const QString &login) const
{
    QStringList problems;
    if (password.size() < m_rules.minLength)
        problems << tr("The password must have at least %1 characters.").arg(m_rules.minLength);
    if (password.size() > MaxLength)
        problems << tr("The password must have at most %1 characters.").arg(MaxLength);

    int groups = 0;
    bool control = false;
    for (const QChar c : password) {
        if (c.category() == QChar::Other_Control) {
            control = true;
            continue;
        }
        groups |= groupOf(c);
    }
    if (control)
        problems << tr("The password must not contain control characters such as tabs or line breaks.");
    const int groupCount = ((groups & Upper) ? 1 : 0) + ((groups & Lower) ? 1 : 0) + ((groups & Digit) ? 1 : 0)
                           + ((groups & Other) ? 1 : 0);
    if (groupCount < m_rules.minCharacterGroups) {
        problems << tr("The password must mix at least %1 of these: upper-case letters, lower-case letters, "
                       "digits, special characters.")
                        .arg(m_rules.minCharacterGroups);
    }

    const QString trimmedLogin = login.trimmed();
    if (!trimmedLogin.isEmpty()) {
        if (password.compare(trimmedLogin, Qt::CaseInsensitive) == 0)
            problems << tr("The password must not be the same as the login.");
        else if (trimmedLogin.size() >= 3 && password.contains(trimmedLogin, Qt::CaseInsensitive))
            problems << tr("The password must not contain the login.");
    }
    return problems;
}

bool PasswordPolicy::isExpired(const QDateTime &changedAtUtc, const QDateTime &nowUtc) const
{
    if (m_rules.maxAgeDays <= 0)
        return false;
    if (!changedAtUtc.isValid())
        return true;
    return secondsBetween(changedAtUtc, nowUtc) >= qint64(m_rules.maxAgeDays) * 24 * 3600;
}

bool PasswordPolicy::mayChangeOwnPassword(const QDateTime &changedAtUtc, const QDateTime &nowUtc, bool isAdmin) const
{
    if (isAdmin || m_rules.minAgeHours <= 0 || !changedAtUtc.isValid())
        return true;
    return secondsBetween(changedAtUtc, nowUtc) >= qint64(m_rules.minAgeHours) * 3600;
}

bool PasswordPolicy::isBlockedForInactivity(const QDateTime &lastLoginUtc, const QDateTime &createdAtUtc,
                                            const QDateTime &nowUtc, bool isAdmin) const
{
    if (isAdmin || m_rules.inactivityBlockDays <= 0)
        return false;
    const QDateTime since = lastLoginUtc.isValid() ? lastLoginUtc : createdAtUtc;
    if (!since.isValid())
        return false; // nothing to measure from: never block on missing data
    return secondsBetween(since, nowUtc) > qint64(m_rules.inactivityBlockDays) * 24 * 3600;
}

bool PasswordPolicy::isIdleExpired(const QDateTime &lastSeenUtc, const QDateTime &nowUtc) const
{
    if (m_rules.idleLogoutMinutes <= 0)
        return false;
    if (!lastSeenUtc.isValid())
        return true;
    return secondsBetween(lastSeenUtc, nowUtc) > qint64(m_rules.idleLogoutMinutes) * 60;
}

QString PasswordPolicy::generate(int length)
{
    static const QString upper = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ");
    static const QString lower = QStringLiteral("abcdefghijkmnopqrstuvwxyz");
    static const QString digits = QStringLiteral("23456789");
    static const QString symbols = QStringLiteral("!#$%&*+-=?@^_~");
    static const QString all = upper + lower + digits + symbols;

    length = qBound(8, length, MaxLength);
    QRandomGenerator *random = QRandomGenerator::system();
    const auto pick = [random](const QString &from) { return from.at(random->bounded(int(from.size()))); };

    QString password;
    password.reserve(length);
    password += pick(upper);
    password += pick(lower);
    password += pick(digits);
    password += pick(symbols);
    while (password.size() < length)
        password += pick(all);
    // Fisher-Yates, so the guaranteed characters are not always in the first four places.
    for (qsizetype i = password.size() - 1; i > 0; --i)
        std::swap(password[i], password[random->bounded(int(i + 1))]);
    return password;
}

} // namespace backoffice
