#include "ImportFilePage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QWizard>

namespace backoffice::views {

namespace {

struct FormatInfo {
    const char *key;
    const char *label;
    const char *explanation;
};

// The manual's three file types, each with its one-line explanation (§7.3.2).
const FormatInfo formatInfos[] = {
    {"standard", QT_TRANSLATE_NOOP("ImportFilePage", "Standard"),
     QT_TRANSLATE_NOOP("ImportFilePage", "Applied to all other channels except WhatsApp.")},
    {"whatsappBasic", QT_TRANSLATE_NOOP("ImportFilePage", "WhatsApp basic"),
     QT_TRANSLATE_NOOP("ImportFilePage", "Fixed WhatsApp rates by Category - Region.")},
    {"whatsappTier", QT_TRANSLATE_NOOP("ImportFilePage", "WhatsApp tier"),
     QT_TRANSLATE_NOOP("ImportFilePage", "WhatsApp rates by volume tier for each Category - Region pair.")},
};

const QStringList readableSuffixes {QStringLiteral("csv"), QStringLiteral("xls"), QStringLiteral("xlsx")};

} // namespace

ImportFilePage::ImportFilePage(RateImportClient *client, QWidget *parent)
    : QWizardPage(parent)
    , m_client(client)
    , m_formats(new QButtonGroup(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Choose…"), this))
    , m_sheet(new QLineEdit(this))
    , m_encoding(new QComboBox(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel reading"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("importFilePage"));
    setTitle(tr("File"));
    setSubTitle(tr("Choose the file type and the file with the rates. XLS, XLSX and CSV files can be imported."));

    auto *formatBox = new QGroupBox(tr("File type"), this);
    auto *formatLayout = new QVBoxLayout(formatBox);
    int id = 0;
    for (const FormatInfo &info : formatInfos) {
        auto *button = new QRadioButton(tr(info.label), formatBox);
        button->setObjectName(QStringLiteral("format_%1").arg(QLatin1String(info.key)));
        button->setProperty("formatKey", QString::fromLatin1(info.key));
        auto *explanation = new QLabel(tr(info.explanation), formatBox);
        explanation->setIndent(24);
        // Greyed, as it explains and is not a control, but not as faint as disabled text: it is read.
        QPalette palette = explanation->palette();
        const QColor text = palette.color(QPalette::WindowText);
        const QColor back = palette.color(QPalette::Window);
        palette.setColor(QPalette::WindowText,
                         QColor((text.red() * 3 + back.red() * 2) / 5, (text.green() * 3 + back.green() * 2) / 5,
                                (text.blue() * 3 + back.blue() * 2) / 5));
        explanation->setPalette(palette);
        m_formats->addButton(button, id++);
        formatLayout->addWidget(button);
        formatLayout->addWidget(explanation);
    }
    m_formats->button(0)->setChecked(true);
    auto *note = new QLabel(tr("New WhatsApp rates are imported according to the pricing type (basic or tier) "
                               "and the pricing category."),
                            formatBox);
    note->setWordWrap(true);
    formatLayout->addWidget(note);

    m_file->setObjectName(QStringLiteral("importFilePath"));
    m_file->setPlaceholderText(tr("rates.xlsx"));
    m_sheet->setObjectName(QStringLiteral("importSheet"));
    m_sheet->setPlaceholderText(tr("the first sheet"));
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("UTF-8"), QStringLiteral("utf-8"));
    m_encoding->addItem(tr("Windows-1252"), QStringLiteral("windows-1252"));
    m_encoding->addItem(tr("Latin-1 (ISO 8859-1)"), QStringLiteral("latin1"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Sheet (XLS, XLSX):"), m_sheet);
    form->addRow(tr("Encoding (CSV):"), m_encoding);

    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelReadingButton"));
    m_status->setObjectName(QStringLiteral("importStatus"));
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd; padding: 6px; }"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(formatBox);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addWidget(m_error);
    layout->addStretch();

    connect(m_browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        const QString suffix = QFileInfo(m_file->text()).suffix().toLower();
        m_encoding->setEnabled(suffix == QLatin1String("csv") || suffix.isEmpty());
        m_sheet->setEnabled(suffix != QLatin1String("csv"));
        emit completeChanged();
    });
    connect(m_cancel, &QPushButton::clicked, m_client, &RateImportClient::cancelReading);
    connect(m_client, &RateImportClient::stateChanged, this, [this] { showState(); });
    connect(m_client, &RateImportClient::progressChanged, this, [this] { showState(); });
    showState();
}

void ImportFilePage::setFilePath(const QString &path)
{
    m_file->setText(path);
}

QString ImportFilePage::filePath() const
{
    return m_file->text().trimmed();
}

void ImportFilePage::setFormat(const QString &format)
{
    for (QAbstractButton *button : m_formats->buttons()) {
        if (button->property("formatKey").toString() == format)
            button->setChecked(true);
    }
}

QString ImportFilePage::format() const
{
    return m_formats->checkedButton()->property("formatKey").toString();
}

void ImportFilePage::setSheet(const QString &sheet)
{
    m_sheet->setText(sheet);
}

void ImportFilePage::setEncoding(const QString &encoding)
{
    const int at = m_encoding->findData(encoding);
    if (at >= 0)
        m_encoding->setCurrentIndex(at);
}

void ImportFilePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Rate sheet"), QFileInfo(filePath()).path(),
                                                      tr("Rate sheets (*.csv *.xls *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

QString ImportFilePage::uploadKey() const
{
    const QFileInfo info(filePath());
    // The modification time: the same file saved again with other rates is read again.
    return QStringList {
        info.absoluteFilePath(),      QString::number(info.lastModified().toMSecsSinceEpoch()),
        QString::number(info.size()), format(),
        m_sheet->text().trimmed(),    m_encoding->isEnabled() ? m_encoding->currentData().toString() : QString()}
        .join(QLatin1Char('\n'));
}

bool ImportFilePage::isComplete() const
{
    return !filePath().isEmpty() && !m_client->isBusy();
}

bool ImportFilePage::validatePage()
{
    if (m_client->state() == RateImportClient::State::Ready && uploadKey() == m_uploadedKey)
        return true;
    if (!m_client->isBusy())
        startUpload();
    return false; // the wizard moves on by itself once the server has read the file
}

bool ImportFilePage::startUpload()
{
    m_error->clear();
    m_error->hide();
    const QFileInfo info(filePath());
    if (!readableSuffixes.contains(info.suffix().toLower())) {
        showError(tr("Choose a CSV, XLS or XLSX file."));
        return false;
    }
    if (!info.isFile() || !info.isReadable()) {
        showError(tr("The file %1 cannot be read.").arg(QDir::toNativeSeparators(info.absoluteFilePath())));
        return false;
    }
    if (info.size() > RateImportClient::MaxUploadBytes) {
        showError(tr("The file is larger than 64 MiB, the most an import takes."));
        return false;
    }
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("The file %1 cannot be opened: %2").arg(info.fileName(), file.errorString()));
        return false;
    }
    RateImportClient::Upload upload;
    upload.format = format();
    upload.fileName = info.fileName();
    upload.sheet = m_sheet->isEnabled() ? m_sheet->text().trimmed() : QString();
    upload.encoding = info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0
        ? m_encoding->currentData().toString()
        : QString();
    upload.bytes = file.readAll();
    m_uploadedKey = uploadKey();
    m_advanceWhenReady = true;
    m_client->upload(upload);
    return true;
}

void ImportFilePage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ImportFilePage::showState()
{
    using State = RateImportClient::State;
    const State state = m_client->state();
    const bool working = state == State::Uploading || state == State::Reading;
    m_progress->setVisible(working || state == State::Ready);
    m_cancel->setVisible(working);
    for (QWidget *input : {static_cast<QWidget *>(m_file), static_cast<QWidget *>(m_browse)})
        input->setEnabled(!working);
    for (QAbstractButton *button : m_formats->buttons())
        button->setEnabled(!working);
    const qint64 total = m_client->progressTotal();
    if (working && total <= 0) {
        m_progress->setRange(0, 0); // busy indicator until the reader knows the size
    } else {
        m_progress->setRange(0, 1000);
        const qint64 done = state == State::Ready ? total : m_client->progressDone();
        m_progress->setValue(total > 0 ? int(qBound(qint64(0), done * 1000 / total, qint64(1000))) : 1000);
    }
    switch (state) {
    case State::None: m_status->clear(); break;
    case State::Uploading: m_status->setText(tr("Sending the file…")); break;
    case State::Reading: m_status->setText(tr("Reading the file on the server…")); break;
    case State::Ready:
        m_status->setText(
            tr("%n row(s) read.", nullptr, int(m_client->importObject().value(QLatin1String("rowCount")).toInteger())));
        break;
    case State::Failed: m_status->setText(tr("The file could not be read.")); break;
    case State::Cancelled: m_status->setText(tr("Reading cancelled.")); break;
    case State::Applying:
    case State::Applied: break;
    }
    if (state == State::Failed || state == State::Cancelled) {
        showError(m_client->errorText());
        m_uploadedKey.clear(); // Next tries again
        m_advanceWhenReady = false;
    }
    emit completeChanged();
    if (state == State::Ready && m_advanceWhenReady) {
        m_advanceWhenReady = false;
        if (wizard() && wizard()->currentPage() == this)
            wizard()->next();
    }
}

} // namespace backoffice::views
