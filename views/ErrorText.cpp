#include "ErrorText.h"

#include "ApiClient.h"
#include "EntityCatalogue.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace backoffice::views {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorText", text);
}

QString entityTitle(const QString &name)
{
    const EntityDescriptor *entity = EntityCatalogue::find(name);
    return entity ? entity->plural : name;
}

} // namespace

QString describeFailure(const ApiReply *reply)
{
    const ApiError &error = reply->error();
    QString message = error.message;
    switch (error.httpStatus) {
    case 0:
        return tr("The server could not be reached: %1").arg(message);
    case 403:
        if (error.code == QLatin1String("forbidden") || error.code.startsWith(QLatin1String("http_")))
            return tr("You do not have permission to do this. %1").arg(message).trimmed();
        return message;
    case 409: {
        const QJsonArray references =
            reply->object().value(QLatin1String("error")).toObject().value(QLatin1String("references")).toArray();
        if (references.isEmpty())
            return message;
        QStringList parts;
        for (const QJsonValue &value : references) {
            const QJsonObject reference = value.toObject();
            parts << QStringLiteral("%1 (%2)")
                         .arg(entityTitle(reference.value(QLatin1String("entity")).toString()))
                         .arg(reference.value(QLatin1String("count")).toInteger());
        }
        return tr("%1 It is still referred to by: %2.").arg(message, parts.join(QStringLiteral(", "))).trimmed();
    }
    default:
        break;
    }
    return message;
}

} // namespace backoffice::views
