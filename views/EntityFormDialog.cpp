#include "EntityFormDialog.h"

#include "EntityForm.h"

#include <QVBoxLayout>

namespace backoffice::views {

EntityFormDialog::EntityFormDialog(EntityForm *form, QWidget *parent)
    : QDialog(parent)
    , m_form(form)
{
    setObjectName(QStringLiteral("formDialog-%1").arg(form->objectName()));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(form);
    resize(720, 560);
    setWindowTitle(form->title());
    connect(form, &EntityForm::titleChanged, this, &QWidget::setWindowTitle);
    connect(form, &EntityForm::closeRequested, this, &QDialog::reject);
    connect(form, &EntityForm::saved, this, [this](const QString &, qint64 id) {
        emit recordSaved(id);
        accept();
    });
}

} // namespace backoffice::views
