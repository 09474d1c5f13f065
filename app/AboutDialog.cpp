#include "AboutDialog.h"

#include "Session.h"

#include <QCoreApplication>

namespace backoffice::app {

QString AboutDialog::text(const views::Session *session)
{
    const QString server = session && !session->serverVersion().isEmpty()
                               ? session->serverVersion()
                               : QCoreApplication::translate("AboutDialog", "unknown");
    return QCoreApplication::translate("AboutDialog",
                                       "<h3>BackOffice %1</h3>"
                                       "<p>Back office for business-messaging providers.</p>"
                                       "<p>Qt %2 (built with %3)<br>Server %4</p>")
        .arg(QStringLiteral(BACKOFFICE_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             server);
}

void AboutDialog::show(const views::Session *session, QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Information, QCoreApplication::translate("AboutDialog", "About BackOffice"),
                                text(session), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace backoffice::app
