#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace backoffice::server::fieldchecks {

using Errors = QHash<QString, QString>;

// An absolute http(s) URL with a host.
bool isHttpUrl(const QString &text);
// When the field holds a value: it must be an http(s) URL.
void optionalUrl(const QJsonObject &record, const char *field, Errors &errors);
// When the field holds a number: it must lie in [min, max].
void optionalRange(const QJsonObject &record, const char *field, qint64 min, qint64 max, Errors &errors);
// The field must hold a value ("is required") — for rules that depend on other fields.
void required(const QJsonObject &record, const char *field, Errors &errors);

// command_status values written "0x45, 88" (hex or decimal), each within 32 bits. False with
// *problem set when a value is not a number.
bool parseStatusList(const QString &text, QList<quint32> *statuses, QString *problem);

// IPs and CIDR blocks, comma or space separated ("10.0.0.0/8, 192.168.1.7"). False with *problem.
bool parseNetworkList(const QString &text, QString *problem);

} // namespace backoffice::server::fieldchecks
