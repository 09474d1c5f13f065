#pragma once

#include "RateImportSettings.h"

#include <QWizardPage>

class QLabel;
class QListWidget;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace backoffice::views {

class AnalysisRunner;
class ColumnStatusList;
class RateImportClient;
class SheetRowsModel;
class StructureEditor;

// Step 2 of the rate import (reference §7.3.2.2): the sheet on the left (click a column header to
// say what it holds, click a row to start there) and the settings on the right — start row,
// duplicate handling, tree structure, the mapping status of each column and the problems. Every
// change is analysed again on the server; Next is enabled only when the analysis is ready.
class ImportSettingsPage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportSettingsPage(RateImportClient *client, AnalysisRunner *runner, QWidget *parent = nullptr);

    const ImportSettings &settings() const { return m_settings; }
    const QList<ImportDimension> &dimensions() const { return m_dimensions; }
    QString format() const;
    // The path of the import node as the window title shows it ("SMS message › A2P (MT)"): the
    // tree structure's root. Without it the root shows the server's label of the node alone.
    void setTargetLabel(const QString &label) { m_targetLabel = label; }

    // What the column header's "Import as" dialog does on OK (Ignore removes the declaration).
    void declareColumn(const ColumnDeclaration &declaration);
    // Opens the "Import as" dialog of a column (1-based): a click on its header.
    void editColumn(int column);
    void setStartRow(int row);
    void setDuplicates(const QString &duplicates);
    // Replace the node's branch with the sheet (false) or merge the sheet into it (true).
    void setMerge(bool merge);
    // Opens the manual mapping of a declared column; OK calls setManual().
    void openMapping(int column);
    // Stores the manual map of a column and analyses again.
    void setManual(int column, const QMap<QString, QString> &manual);

    SheetRowsModel *rowsModel() const { return m_rows; }
    QTableView *sheetView() const { return m_sheet; }
    StructureEditor *structure() const { return m_structure; }
    ColumnStatusList *columnStatus() const { return m_columnStatus; }
    QListWidget *problemList() const { return m_problems; }
    QSpinBox *startRowBox() const { return m_startRow; }
    QLabel *analysisStatus() const { return m_status; }

    void initializePage() override;
    bool isComplete() const override;

private:
    QWidget *buildSettingsPanel();
    void settingsChanged();
    void showAnalysis();
    void showPending();

    RateImportClient *m_client;
    AnalysisRunner *m_runner;
    ImportSettings m_settings;
    QList<ImportDimension> m_dimensions;
    QStringList m_declarationOrder; // attribute dimensions in the order their columns were declared
    QString m_importId; // the import the page was set up for
    QString m_targetLabel;
    SheetRowsModel *m_rows;
    QTableView *m_sheet;
    QSpinBox *m_startRow;
    QRadioButton *m_first;
    QRadioButton *m_last;
    QRadioButton *m_error;
    QRadioButton *m_replace;
    QRadioButton *m_merge;
    StructureEditor *m_structure;
    ColumnStatusList *m_columnStatus;
    QListWidget *m_problems;
    QLabel *m_status;
};

} // namespace backoffice::views
