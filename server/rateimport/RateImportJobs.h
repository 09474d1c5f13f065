#pragma once

#include "ImportAnalysis.h"
#include "ImportSettings.h"
#include "RateTree.h"
#include "SheetReaderProcess.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace backoffice::server::rateimport {

enum class ImportState : quint8 { Reading, Ready, Failed, Cancelled, Applied };
QString importStateKey(ImportState state);

// An analysis with what it was made from, kept so that apply with unchanged settings on an unchanged
// tree does not build a 100,000-rate branch twice.
struct ImportPlan {
    QByteArray settingsKey; // the settings as compact JSON
    quint64 ratingGeneration = 0; // RatingChanges::generation() when made
    rating::RateTree tree; // the scope's tree it was made against
    qint64 nodeId = 0;
    ImportAnalysis analysis;
};

// One upload on its way into a rate tree: the file's sheet once read, and where it goes.
struct RateImportJob {
    QString id; // a UUID: the import's handle in the API
    qint64 userId = 0; // only its owner sees it
    qint64 scopeId = 0;
    qint64 nodeId = 0; // at upload; node ids change when the tree is saved, so nodePath finds it later
    QStringList nodePath; // the matches from the root to the node
    QString nodeLabel;
    QString resource; // the resource key the node belongs to
    ImportFormat format = ImportFormat::Standard;
    QString fileName;
    spreadsheet::SheetFormat fileFormat = spreadsheet::SheetFormat::Csv;
    ImportState state = ImportState::Reading;
    qint64 done = 0;
    qint64 total = 0;
    spreadsheet::ReadError error;
    QStringList sheetNames;
    spreadsheet::Sheet sheet;
    int columnCount = 0;
    QDateTime createdAt;
    QDateTime lastUsed;
    QPointer<SheetReaderProcess> reader;
    std::shared_ptr<const ImportPlan> lastPlan;

    QJsonObject toJson() const;
};

// The imports in progress, in memory: an import is a short working session of one user, not a
// record. Each is forgotten an hour after its last use; a user keeps a few at most.
class RateImportJobs final : public QObject
{
    Q_OBJECT
public:
    static constexpr int PerUserLimit = 5;
    static constexpr int IdleMinutes = 60;

    explicit RateImportJobs(QObject *parent = nullptr);
    ~RateImportJobs() override;

    // Takes the job (without id, state or reader) and starts reading the data.
    RateImportJob &start(RateImportJob job, const SheetReaderProcess::Request &request);
    // The caller's import, refreshed as used; nullptr when unknown or someone else's.
    RateImportJob *find(const QString &id, qint64 userId);
    void cancel(RateImportJob &job);
    void remove(const QString &id);

private:
    void expire();
    void makeRoomFor(qint64 userId);

    QHash<QString, std::shared_ptr<RateImportJob>> m_jobs;
    QTimer m_expiry;
};

} // namespace backoffice::server::rateimport
