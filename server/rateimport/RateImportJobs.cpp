#include "RateImportJobs.h"

#include "DimensionDictionary.h"
#include "RatingCatalogue.h"

#include <QJsonArray>
#include <QUuid>

namespace backoffice::server::rateimport {

QString importStateKey(ImportState state)
{
    switch (state) {
    case ImportState::Reading: return QStringLiteral("reading");
    case ImportState::Ready: return QStringLiteral("ready");
    case ImportState::Failed: return QStringLiteral("failed");
    case ImportState::Cancelled: return QStringLiteral("cancelled");
    case ImportState::Applied: return QStringLiteral("applied");
    }
    return {};
}

namespace {

// The dimensions a column can be declared as, with their ways of matching.
QJsonArray dimensionsJson()
{
    QJsonArray list;
    for (int d = 1; d < rating::DimensionCount; ++d) {
        const auto dimension = rating::Dimension(d);
        const DimensionDictionary &dictionary = DimensionDictionary::of(dimension);
        QJsonArray matchBy;
        for (const MatchByOption &option : dictionary.matchBy())
            matchBy.append(QJsonObject {{QStringLiteral("key"), option.key}, {QStringLiteral("label"), option.label}});
        list.append(QJsonObject {{QStringLiteral("dimension"), rating::dimensionKey(dimension)},
                                 {QStringLiteral("label"), rating::RatingCatalogue::dimensionLabel(dimension)},
                                 {QStringLiteral("open"), dictionary.isOpen()},
                                 {QStringLiteral("matchBy"), matchBy}});
    }
    return list;
}

} // namespace

QJsonObject RateImportJob::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id},
                      {QStringLiteral("state"), importStateKey(state)},
                      {QStringLiteral("progress"), QJsonObject {{QStringLiteral("done"), done}, {QStringLiteral("total"), total}}},
                      {QStringLiteral("scopeId"), scopeId},
                      {QStringLiteral("nodeId"), nodeId},
                      {QStringLiteral("nodeLabel"), nodeLabel},
                      {QStringLiteral("resource"), resource},
                      {QStringLiteral("format"), importFormatKey(format)},
                      {QStringLiteral("fileName"), fileName},
                      {QStringLiteral("fileFormat"), spreadsheet::formatName(fileFormat).toLower()},
                      {QStringLiteral("sheets"), QJsonArray::fromStringList(sheetNames)},
                      {QStringLiteral("sheet"), sheet.name},
                      {QStringLiteral("rowCount"), sheet.rows.size()},
                      {QStringLiteral("columnCount"), columnCount},
                      {QStringLiteral("createdAt"), createdAt.toString(Qt::ISODate)},
                      {QStringLiteral("dimensions"), dimensionsJson()}};
    if (state == ImportState::Failed || state == ImportState::Cancelled) {
        QJsonObject problem {{QStringLiteral("message"), error.message}};
        if (error.row > 0)
            problem.insert(QStringLiteral("row"), error.row);
        if (error.column > 0)
            problem.insert(QStringLiteral("column"), error.column);
        json.insert(QStringLiteral("error"), problem);
    } else {
        json.insert(QStringLiteral("error"), QJsonValue::Null);
    }
    return json;
}

RateImportJobs::RateImportJobs(QObject *parent) : QObject(parent)
{
    m_expiry.setInterval(60 * 1000);
    connect(&m_expiry, &QTimer::timeout, this, &RateImportJobs::expire);
    m_expiry.start();
}

RateImportJobs::~RateImportJobs()
{
    for (const auto &job : std::as_const(m_jobs))
        delete job->reader;
}

RateImportJob &RateImportJobs::start(RateImportJob job, const SheetReaderProcess::Request &request)
{
    makeRoomFor(job.userId);
    auto shared = std::make_shared<RateImportJob>(std::move(job));
    shared->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    shared->state = ImportState::Reading;
    shared->createdAt = shared->lastUsed = QDateTime::currentDateTimeUtc();
    shared->total = request.data.size();
    auto *reader = new SheetReaderProcess(this);
    shared->reader = reader;
    std::weak_ptr<RateImportJob> weak = shared;
    connect(reader, &SheetReaderProcess::progress, this, [weak](qint64 done, qint64 total) {
        if (auto job = weak.lock()) {
            job->done = done;
            job->total = total;
        }
    });
    connect(reader, &SheetReaderProcess::finished, this, [weak, reader] {
        reader->deleteLater();
        auto job = weak.lock();
        if (!job)
            return;
        if (const auto *error = std::get_if<spreadsheet::ReadError>(&reader->result())) {
            job->error = *error;
            job->state = error->cancelled ? ImportState::Cancelled : ImportState::Failed;
            return;
        }
        const auto &answer = std::get<spreadsheet::SheetAnswer>(reader->result());
        job->sheetNames = answer.sheetNames;
        job->sheet = answer.sheet;
        for (const QStringList &row : std::as_const(job->sheet.rows))
            job->columnCount = std::max(job->columnCount, int(row.size()));
        job->done = job->total;
        job->state = ImportState::Ready;
    });
    m_jobs.insert(shared->id, shared);
    reader->start(request);
    return *shared;
}

RateImportJob *RateImportJobs::find(const QString &id, qint64 userId)
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.cend() || (*it)->userId != userId)
        return nullptr;
    (*it)->lastUsed = QDateTime::currentDateTimeUtc();
    return it->get();
}

void RateImportJobs::cancel(RateImportJob &job)
{
    if (job.state != ImportState::Reading)
        return;
    if (job.reader)
        job.reader->cancel(); // the finished handler records the cancelled state
    else
        job.state = ImportState::Cancelled;
}

void RateImportJobs::remove(const QString &id)
{
    const auto job = m_jobs.take(id);
    if (job && job->reader) {
        job->reader->disconnect(this);
        job->reader->deleteLater(); // its destructor kills a reader still running
    }
}

void RateImportJobs::expire()
{
    const QDateTime limit = QDateTime::currentDateTimeUtc().addSecs(-IdleMinutes * 60);
    QStringList old;
    for (const auto &job : std::as_const(m_jobs))
        if (job->lastUsed < limit)
            old.append(job->id);
    for (const QString &id : std::as_const(old))
        remove(id);
}

// A user starting another import while at the limit loses the least recently used one.
void RateImportJobs::makeRoomFor(qint64 userId)
{
    QList<RateImportJob *> own;
    for (const auto &job : std::as_const(m_jobs))
        if (job->userId == userId)
            own.append(job.get());
    if (own.size() < PerUserLimit)
        return;
    std::sort(own.begin(), own.end(), [](const RateImportJob *a, const RateImportJob *b) { return a->lastUsed < b->lastUsed; });
    remove(own.first()->id);
}

} // namespace backoffice::server::rateimport
