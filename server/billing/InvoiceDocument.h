#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace backoffice::server {

// The printable invoice (BO §6.9, §7.2 "Download"): the template context gathered from the
// invoice, its lines, the agreement, the client's legal entity and our own legal entity with its
// bank account, rendered through the default forms (docs/PRINTABLE-FORMS.md) into a PDF, and the
// "invoice and charge details" ZIP (PDF + CSV + XLSX of the lines).
class InvoiceDocument final
{
public:
    // nullopt when the invoice does not exist.
    static std::optional<InvoiceDocument> load(QSqlDatabase db, qint64 invoiceId, const QDateTime &now);

    const QJsonObject &context() const { return m_context; }
    QString number() const; // the reference number, or "DRAFT-<id>" before confirmation
    // Both need a QGuiApplication (fonts); nullopt with *error otherwise or when a form fails.
    std::optional<QByteArray> pdf(QString *error) const;
    std::optional<QByteArray> detailsArchive(QString *error) const;

private:
    QJsonObject m_context;
    QList<QJsonObject> m_detailRows;
    qint64 m_id = 0;
};

} // namespace backoffice::server
