#include "DemoNumberPrefixes.h"

#include "AuditLog.h"
#include "DestinationResolver.h"
#include "EntityCatalogue.h"
#include "EntityRepository.h"
#include "EntityTables.h"
#include "ListQuery.h"
#include "MobileNetworks.h"
#include "Transaction.h"

#include <QDateTime>
#include <QSet>

namespace backoffice::server {

namespace {

// Ranges as originally allocated to each network (digits after "+", country code first). Number
// portability moves single numbers between networks, which is why these rows are the fallback and
// staff add longer prefixes of their own. A row without MNC gives the country's MCC for the whole
// mobile range.
struct Allocation {
    const char *country;
    const char *mcc;
    const char *mnc; // empty: country-wide mobile range
    const char *prefixes; // space separated
};

constexpr Allocation allocations[] = {
    {"ES", "214", "", "346 347"},
    {"ES", "214", "07",
     "34609 34616 34619 34626 34628 34629 34639 34646 34649 34659 34660 34669 34676 34679 34680 "
     "34686 34690 34696 34699"},
    {"ES", "214", "01",
     "34600 34607 34610 34617 34627 34630 34634 34637 34647 34650 34657 34667 34670 34677 34687 "
     "34697"},
    {"ES", "214", "03",
     "34605 34615 34620 34625 34635 34636 34645 34652 34653 34655 34656 34658 34661 34662 34663 "
     "34664 34665 34666 34675 34685 34689 34695"},
    {"ES", "214", "04", "34622 34633 34673 34674 34693"},
    {"DE", "262", "", "4915 4916 4917"},
    {"DE", "262", "01", "491511 491512 491514 491515 491516 491517 49160 49170 49171 49175"},
    {"DE", "262", "02", "491520 491521 491522 491523 491525 49162 49172 49173 49174"},
    {"DE", "262", "03", "491570 491573 491575 491577 491578 491590 49163 49176 49177 49178 49179"},
    {"GB", "234", "", "447"},
    {"GB", "234", "15", "447770 447771 447785 447787 447798 447799 447917 447919"},
    {"GB", "234", "10", "447711 447712 447713 447730 447731 447801 447802"},
    {"GB", "234", "30", "447950 447951 447960 447961 447970 447971 447973 447974"},
    {"GB", "234", "20", "447400 447401 447402 447403 447448 447449 447723 447724"},
    {"FR", "208", "", "336 337"},
    {"FR", "208", "01", "33607 33608 33630 33631 33632 33633 33670 33671 33672 33673 33674 33675 33676 33677"},
    {"FR", "208", "10", "33603 33609 33610 33611 33612 33613 33614 33615 33616 33617 33618 33619 33620"},
    {"FR", "208", "20", "33650 33658 33659 33660 33661 33662 33663 33664 33665 33666 33667 33668 33669"},
    {"FR", "208", "15", "33651 33652 33695 33698 33699"},
    {"IT", "222", "", "393"},
    {"IT", "222", "01", "39330 39331 39333 39334 39335 39336 39337 39338 39339 39360 39368"},
    {"IT", "222", "10", "39340 39342 39343 39345 39346 39347 39348 39349"},
    {"IT", "222", "88", "39320 39324 39327 39328 39329 39380 39388 39389 39391 39392 39393"},
    {"IT", "222", "50", "39351 39352"},
    {"PT", "268", "", "3519"},
    {"PT", "268", "01", "35191"},
    {"PT", "268", "03", "35193"},
    {"PT", "268", "06", "35196"},
    {"NL", "204", "", "316"},
    {"NL", "204", "08", "31610 31612 31613 31620 31622 31623 31630 31650 31651 31652 31653"},
    {"NL", "204", "04", "31615 31621 31625 31627 31628 31646 31654 31655"},
    {"NL", "204", "16", "31614 31618 31624 31626 31629 31634 31638 31640 31641"},
    {"US", "310", "", "1201 1212 1305 1310 1312 1415 1646 1702 1786 1917"},
    {"MX", "334", "", "52"},
    {"MX", "334", "020", "5255 5281 5233"},
    {"BR", "724", "", "55119 55219"},
    {"BR", "724", "06", "551199 551197"},
    {"BR", "724", "05", "551198 552199"},
    {"BR", "724", "02", "551196 552198"},
    {"AR", "722", "", "549"},
    {"AR", "722", "070", "5491115 5491144"},
    {"AR", "722", "310", "5491136 5491150"},
    {"AR", "722", "341", "5491131 5491161"},
};

} // namespace

int seedDemoNumberPrefixes(QSqlDatabase db)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const EntityDescriptor &entity = EntityCatalogue::get(entities::numberPrefixes);
    EntityRepository repository(db, entity);
    QSet<QString> present;
    ListQuery everything;
    everything.limit = 0;
    repository.forEach(everything, now, [&present](const QJsonObject &row) {
        present.insert(row.value(QLatin1String("prefix")).toString());
    });

    const QString stamp = now.toString(Qt::ISODateWithMs);
    const QString table = EntityTables::forEntity(entity).table;
    Transaction transaction(db);
    AuditLog audit(db);
    int added = 0;
    for (const Allocation &allocation : allocations) {
        const QString mcc = QString::fromLatin1(allocation.mcc);
        const QString mnc = QString::fromLatin1(allocation.mnc);
        const MobileNetworks::Network *network = mnc.isEmpty() ? nullptr : MobileNetworks::instance().find(mcc, mnc);
        const QStringList prefixes
            = QString::fromLatin1(allocation.prefixes).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &prefix : prefixes) {
            if (present.contains(prefix))
                continue;
            QJsonObject row {{QStringLiteral("prefix"), prefix},
                             {QStringLiteral("country"), QString::fromLatin1(allocation.country)},
                             {QStringLiteral("mcc"), mcc},
                             {QStringLiteral("mnc"), mnc.isEmpty() ? QJsonValue() : QJsonValue(mnc)},
                             {QStringLiteral("network"), network ? QJsonValue(network->name()) : QJsonValue()},
                             {QStringLiteral("source"), QStringLiteral("shipped")},
                             {QStringLiteral("createdAt"), stamp},
                             {QStringLiteral("updatedAt"), stamp}};
            const qint64 id = repository.insert(row);
            row.insert(QStringLiteral("id"), id);
            audit.record({now, Actor {}, table, QStringLiteral("create"), id, {}, row, std::nullopt});
            present.insert(prefix);
            ++added;
        }
    }
    transaction.commit();
    if (added > 0)
        DestinationResolver::markPrefixesChanged();
    return added;
}

} // namespace backoffice::server
