#include "ImportSettingsPage.h"

#include "AnalysisRunner.h"
#include "ColumnRoleDialog.h"
#include "ColumnStatusList.h"
#include "ImportProblems.h"
#include "RateImportClient.h"
#include "SheetRowsModel.h"
#include "StructureEditor.h"
#include "ValueMappingDialog.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

// The settings panel shows the first problems; the preview's Errors tab has all of them.
constexpr int ProblemsShown = 200;

QStringList stringList(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list << value.toString();
    return list;
}

} // namespace

ImportSettingsPage::ImportSettingsPage(RateImportClient *client, AnalysisRunner *runner, QWidget *parent)
    : QWizardPage(parent)
    , m_client(client)
    , m_runner(runner)
    , m_rows(new SheetRowsModel(client->api(), this))
    , m_sheet(new QTableView(this))
    , m_startRow(new QSpinBox(this))
    , m_first(new QRadioButton(tr("Take first"), this))
    , m_last(new QRadioButton(tr("Take last"), this))
    , m_error(new QRadioButton(tr("Show error (do not import)"), this))
    , m_replace(new QRadioButton(tr("Replace the branch"), this))
    , m_merge(new QRadioButton(tr("Merge (keep what the file omits)"), this))
    , m_structure(new StructureEditor(this))
    , m_columnStatus(new ColumnStatusList(this))
    , m_problems(new QListWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("importSettingsPage"));
    // QWizard gives a page its size hint and the rest to a spacer; these pages want all the room.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    setTitle(tr("Settings"));
    setSubTitle(tr("Click a column header to say what the column holds; click a row to start the import there."));

    m_sheet->setObjectName(QStringLiteral("importSheetView"));
    m_sheet->setModel(m_rows);
    m_sheet->setSelectionMode(QAbstractItemView::NoSelection);
    m_sheet->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sheet->setWordWrap(false);
    m_sheet->horizontalHeader()->setSectionsClickable(true);
    m_sheet->horizontalHeader()->setDefaultSectionSize(150);
    m_sheet->verticalHeader()->setSectionsClickable(true);
    m_sheet->verticalHeader()->setDefaultSectionSize(m_sheet->fontMetrics().height() + 8);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *resourceBox = new QGroupBox(tr("Resource"), splitter);
    auto *resourceLayout = new QVBoxLayout(resourceBox);
    resourceLayout->setContentsMargins(4, 4, 4, 4);
    resourceLayout->addWidget(m_sheet);
    splitter->addWidget(resourceBox);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    QWidget *panel = buildSettingsPanel();
    scroll->setWidget(panel);
    // The panel scrolls up and down, never sideways: the splitter may not squeeze it below its width.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(panel->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width()
                            + 2 * scroll->frameWidth());
    scroll->setMinimumWidth(380);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({760, 440});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_sheet->horizontalHeader(), &QHeaderView::sectionClicked, this,
            [this](int section) { editColumn(section + 1); });
    connect(m_sheet->verticalHeader(), &QHeaderView::sectionClicked, this,
            [this](int section) { setStartRow(section + 1); });
    connect(m_sheet, &QTableView::clicked, this, [this](const QModelIndex &index) { setStartRow(index.row() + 1); });
    connect(m_rows, &SheetRowsModel::fetchFailed, this, [this](const QString &message) {
        m_status->setText(tr("The sheet's rows could not be loaded: %1").arg(message));
    });
    connect(m_startRow, &QSpinBox::valueChanged, this, [this](int row) { setStartRow(row); });
    auto *duplicates = new QButtonGroup(this);
    for (QRadioButton *button : {m_first, m_last, m_error})
        duplicates->addButton(button);
    connect(duplicates, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *button, bool checked) {
        if (checked)
            setDuplicates(button == m_first      ? QStringLiteral("first")
                              : button == m_last ? QStringLiteral("last")
                                                 : QStringLiteral("error"));
    });
    auto *mode = new QButtonGroup(this);
    mode->addButton(m_replace);
    mode->addButton(m_merge);
    connect(m_merge, &QRadioButton::toggled, this, [this](bool checked) { setMerge(checked); });
    connect(m_structure, &StructureEditor::levelsChanged, this, [this](const QStringList &levels) {
        if (m_settings.structure == levels)
            return;
        m_settings.structure = levels;
        settingsChanged();
    });
    connect(m_columnStatus, &ColumnStatusList::mapRequested, this, &ImportSettingsPage::openMapping);
    connect(m_runner, &AnalysisRunner::pendingChanged, this, [this] { showPending(); });
    connect(m_runner, &AnalysisRunner::analysisChanged, this, [this] { showAnalysis(); });
}

QWidget *ImportSettingsPage::buildSettingsPanel()
{
    auto *panel = new QWidget(this);
    m_startRow->setObjectName(QStringLiteral("startRowBox"));
    m_startRow->setRange(1, 1);
    m_first->setObjectName(QStringLiteral("duplicatesFirst"));
    m_last->setObjectName(QStringLiteral("duplicatesLast"));
    m_error->setObjectName(QStringLiteral("duplicatesError"));
    m_first->setChecked(true);
    m_replace->setObjectName(QStringLiteral("modeReplace"));
    m_merge->setObjectName(QStringLiteral("modeMerge"));
    m_replace->setChecked(true);
    m_merge->setToolTip(tr("A vendor's update of a few countries: the countries, networks and prices the sheet does "
                           "not list stay as they are."));
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setWordWrap(true);
    m_problems->setMinimumHeight(120);
    m_status->setObjectName(QStringLiteral("analysisStatus"));
    m_status->setWordWrap(true);

    auto *settingsBox = new QGroupBox(tr("Settings"), panel);
    auto *form = new QFormLayout(settingsBox);
    form->addRow(tr("Start row:"), m_startRow);
    auto *duplicates = new QVBoxLayout;
    duplicates->addWidget(m_first);
    duplicates->addWidget(m_last);
    duplicates->addWidget(m_error);
    form->addRow(tr("Duplicate handling:"), duplicates);
    auto *modes = new QVBoxLayout;
    modes->addWidget(m_replace);
    modes->addWidget(m_merge);
    form->addRow(tr("Rates in force:"), modes);
    auto *structureBox = new QGroupBox(tr("Tree structure"), panel);
    auto *structureLayout = new QVBoxLayout(structureBox);
    structureLayout->addWidget(m_structure);
    auto *columnsBox = new QGroupBox(tr("Columns"), panel);
    auto *columnsLayout = new QVBoxLayout(columnsBox);
    columnsLayout->addWidget(m_columnStatus);
    auto *problemsBox = new QGroupBox(tr("Problems"), panel);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->addWidget(m_status);
    problemsLayout->addWidget(m_problems, 1);

    auto *layout = new QVBoxLayout(panel);
    layout->addWidget(settingsBox);
    layout->addWidget(structureBox);
    layout->addWidget(columnsBox);
    layout->addWidget(problemsBox, 1);
    return panel;
}

QString ImportSettingsPage::format() const
{
    return m_client->importObject().value(QLatin1String("format")).toString();
}

void ImportSettingsPage::initializePage()
{
    // Back and Next again on the same import keep what was set; a new file starts afresh.
    if (m_client->importId() == m_importId)
        return;
    m_importId = m_client->importId();
    const QJsonObject import = m_client->importObject();
    m_settings = ImportSettings {};
    m_declarationOrder.clear();
    m_dimensions = ImportDimension::listFromJson(import.value(QLatin1String("dimensions")).toArray());
    QHash<QString, QString> labels;
    for (const ImportDimension &dimension : std::as_const(m_dimensions))
        labels.insert(dimension.key, dimension.label);
    m_structure->setDimensionLabels(labels);
    m_structure->setDerivable({});
    m_structure->setDeclared({});
    // "Resource: A2P (MT)" would call the direction a resource: the root names the node by its path.
    m_structure->setRootText(tr("Resource: %1")
                                 .arg(m_targetLabel.isEmpty() ? import.value(QLatin1String("nodeLabel")).toString()
                                                              : m_targetLabel));
    const int rowCount = int(import.value(QLatin1String("rowCount")).toInteger());
    m_rows->setImport(m_importId, rowCount, int(import.value(QLatin1String("columnCount")).toInteger()));
    if (m_rows->canFetchMore({}))
        m_rows->fetchMore({});
    {
        const QSignalBlocker blocker(m_startRow);
        m_startRow->setRange(1, qMax(1, rowCount));
        m_startRow->setValue(1);
    }
    {
        const QSignalBlocker blocker(m_first);
        m_first->setChecked(true);
    m_replace->setObjectName(QStringLiteral("modeReplace"));
    m_merge->setObjectName(QStringLiteral("modeMerge"));
    m_replace->setChecked(true);
    m_merge->setToolTip(tr("A vendor's update of a few countries: the countries, networks and prices the sheet does "
                           "not list stay as they are."));
    }
    m_runner->setImportId(m_importId);
    m_columnStatus->showAnalysis(m_settings, m_dimensions, {});
    m_problems->clear();
    // The first analysis says what is missing ("No attribute column is set…").
    m_runner->request(m_settings.toJson());
    m_runner->runNow();
}

bool ImportSettingsPage::isComplete() const
{
    return m_runner->isReady();
}

void ImportSettingsPage::declareColumn(const ColumnDeclaration &declaration)
{
    const int column = declaration.column;
    if (column < 1 || column > m_rows->columnCount())
        return;
    const ColumnDeclaration *before = m_settings.declaration(column);
    const QString oldDimension
        = before && before->role == ColumnDeclaration::Role::Attribute ? before->dimension : QString();
    if (declaration.role == ColumnDeclaration::Role::Ignore)
        m_settings.columns.remove(column);
    else
        m_settings.columns.insert(column, declaration);
    // Tree levels follow the order in which the attribute columns were declared.
    const QStringList declared = m_settings.declaredDimensions();
    if (!oldDimension.isEmpty() && !declared.contains(oldDimension))
        m_declarationOrder.removeAll(oldDimension);
    for (const QString &dimension : declared) {
        if (!m_declarationOrder.contains(dimension))
            m_declarationOrder << dimension;
    }
    m_declarationOrder.removeIf([&declared](const QString &dimension) { return !declared.contains(dimension); });
    m_rows->setColumnTitle(
        column, declaration.role == ColumnDeclaration::Role::Ignore ? QString() : declaration.describe(m_dimensions));
    // The declaration must be readable in the header.
    m_sheet->resizeColumnToContents(column - 1);
    m_structure->setDeclared(m_declarationOrder);
    m_settings.structure = m_structure->levels();
    settingsChanged();
}

void ImportSettingsPage::editColumn(int column)
{
    if (column < 1 || column > m_rows->columnCount())
        return;
    ColumnDeclaration current;
    current.column = column;
    if (const ColumnDeclaration *declared = m_settings.declaration(column))
        current = *declared;
    auto *dialog = new ColumnRoleDialog(current, m_dimensions, format(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { declareColumn(dialog->declaration()); });
    dialog->open();
}

void ImportSettingsPage::setStartRow(int row)
{
    row = qBound(1, row, qMax(1, m_rows->totalRows()));
    if (m_startRow->value() != row) {
        const QSignalBlocker blocker(m_startRow);
        m_startRow->setValue(row);
    }
    if (m_settings.startRow == row)
        return;
    m_settings.startRow = row;
    m_rows->setStartRow(row);
    settingsChanged();
}

void ImportSettingsPage::setDuplicates(const QString &duplicates)
{
    QRadioButton *button = duplicates == QLatin1String("last") ? m_last
        : duplicates == QLatin1String("error")                 ? m_error
                                                               : m_first;
    if (!button->isChecked()) {
        const QSignalBlocker blocker(button);
        button->setChecked(true);
    }
    if (m_settings.duplicates == duplicates)
        return;
    m_settings.duplicates = duplicates;
    settingsChanged();
}

void ImportSettingsPage::setMerge(bool merge)
{
    QRadioButton *button = merge ? m_merge : m_replace;
    if (!button->isChecked()) {
        const QSignalBlocker blocker(m_merge);
        button->setChecked(true);
    }
    if (m_settings.merge == merge)
        return;
    m_settings.merge = merge;
    settingsChanged();
}

void ImportSettingsPage::openMapping(int column)
{
    const ColumnDeclaration *declaration = m_settings.declaration(column);
    if (!declaration || !declaration->isMappable())
        return;
    auto *dialog = new ValueMappingDialog(m_client->api(), *declaration, declaration->describe(m_dimensions),
                                          m_columnStatus->analysisColumn(column), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, column] { setManual(column, dialog->manual()); });
    dialog->open();
}

void ImportSettingsPage::setManual(int column, const QMap<QString, QString> &manual)
{
    auto it = m_settings.columns.find(column);
    if (it == m_settings.columns.end() || it->manual == manual)
        return;
    it->manual = manual;
    settingsChanged();
}

void ImportSettingsPage::settingsChanged()
{
    m_runner->request(m_settings.toJson());
}

void ImportSettingsPage::showPending()
{
    if (m_runner->isPending())
        m_status->setText(tr("Analysing…"));
    emit completeChanged();
}

void ImportSettingsPage::showAnalysis()
{
    const QJsonObject analysis = m_runner->analysis();
    if (!m_runner->errorText().isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_status->setText(tr("The settings could not be analysed: %1").arg(m_runner->errorText()));
        emit completeChanged();
        return;
    }
    m_columnStatus->showAnalysis(m_settings, m_dimensions, analysis);
    m_structure->setDerivable(stringList(analysis.value(QLatin1String("derivable")).toArray()));
    const QJsonArray problems = analysis.value(QLatin1String("problems")).toArray();
    const int problemCount = int(analysis.value(QLatin1String("problemCount")).toInteger(problems.size()));
    const int blocking = int(analysis.value(QLatin1String("blockingCount")).toInteger());
    importProblems::fillList(m_problems, problems, problemCount, ProblemsShown);
    const int records = int(analysis.value(QLatin1String("records")).toInteger());
    if (analysis.value(QLatin1String("ready")).toBool()) {
        m_status->setStyleSheet(QString());
        m_status->setText(problemCount == 0 ? tr("Ready: %n record(s) to import.", nullptr, records)
                                            : tr("Ready: %n record(s) to import, ", nullptr, records)
                                  + tr("%n warning(s).", nullptr, problemCount));
    } else {
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_status->setText(tr("%n error(s) to fix before the preview.", nullptr, qMax(1, blocking)));
    }
    emit completeChanged();
}

} // namespace backoffice::views
