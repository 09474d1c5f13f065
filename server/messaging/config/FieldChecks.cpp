#include "FieldChecks.h"

#include "RuleValues.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace backoffice::server::fieldchecks {

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
           && !url.host().isEmpty();
}

void optionalUrl(const QJsonObject &record, const char *field, Errors &errors)
{
    const QJsonValue value = fieldOf(record, field);
    if (isSet(value) && !isHttpUrl(value.toString()))
        errors.insert(QString::fromLatin1(field), QStringLiteral("must be an http:// or https:// URL with a host"));
}

void optionalRange(const QJsonObject &record, const char *field, qint64 min, qint64 max, Errors &errors)
{
    const QJsonValue value = fieldOf(record, field);
    if (!isSet(value))
        return;
    const qint64 number = value.toInteger();
    if (number < min || number > max)
        errors.insert(QString::fromLatin1(field), QStringLiteral("must be between %1 and %2").arg(min).arg(max));
}

void required(const QJsonObject &record, const char *field, Errors &errors)
{
    const QString key = QString::fromLatin1(field);
    if (!isSet(fieldOf(record, field)) && !errors.contains(key))
        errors.insert(key, QStringLiteral("is required"));
}

namespace {

QStringList tokens(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

bool parseStatusList(const QString &text, QList<quint32> *statuses, QString *problem)
{
    statuses->clear();
    for (const QString &token : tokens(text)) {
        bool ok = false;
        const bool hex = token.startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
        const qulonglong value = hex ? token.mid(2).toULongLong(&ok, 16) : token.toULongLong(&ok, 10);
        if (!ok || value > 0xFFFFFFFFull) {
            *problem = QStringLiteral("\"%1\" is not a command status (write 0x45 or 69)").arg(token);
            return false;
        }
        statuses->append(quint32(value));
    }
    return true;
}

bool parseNetworkList(const QString &text, QString *problem)
{
    const QStringList list = tokens(text);
    if (list.isEmpty()) {
        *problem = QStringLiteral("is required");
        return false;
    }
    for (const QString &token : list) {
        const bool valid = token.contains(QLatin1Char('/')) ? QHostAddress::parseSubnet(token).second >= 0
                                                             : !QHostAddress(token).isNull();
        if (!valid) {
            *problem = QStringLiteral("\"%1\" is neither an IP address nor a CIDR block").arg(token);
            return false;
        }
    }
    return true;
}

} // namespace backoffice::server::fieldchecks
