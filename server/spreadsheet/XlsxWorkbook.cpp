#include "XlsxWorkbook.h"

#include <QDir>
#include <QHash>
#include <QXmlStreamReader>

namespace backoffice::spreadsheet {

using namespace Qt::StringLiterals;

namespace {

const QString WorkbookPart = QStringLiteral("xl/workbook.xml");
const QString WorkbookRelationshipsPart = QStringLiteral("xl/_rels/workbook.xml.rels");

// Relationship targets are relative to the folder of the workbook part ("worksheets/sheet1.xml")
// or absolute within the package ("/xl/worksheets/sheet1.xml").
QString resolveTarget(QStringView target)
{
    if (target.startsWith(u'/'))
        return QDir::cleanPath(target.sliced(1).toString());
    return QDir::cleanPath(QStringLiteral("xl/") + target);
}

// The r:id attribute of <sheet>. Transitional and Strict OOXML use different namespace URIs for
// it, so it is found by its local name among the namespaced attributes.
QStringView relationshipId(const QXmlStreamAttributes &attributes)
{
    for (const QXmlStreamAttribute &attribute : attributes) {
        if (attribute.name() == u"id" && !attribute.namespaceUri().isEmpty())
            return attribute.value();
    }
    return {};
}

bool isTrue(QStringView value)
{
    return value == u"1" || value == u"true";
}

} // namespace

ReadError damagedXlsx(const QString &what)
{
    ReadError error;
    error.message = QStringLiteral("The XLSX file is damaged: ") + what;
    return error;
}

std::optional<ReadError> XlsxWorkbook::open(const QByteArray &data, const ReadLimits &limits)
{
    if (data.isEmpty()) { // libzip would take it for an empty archive
        ReadError error;
        error.message = QStringLiteral("The file is empty");
        return error;
    }
    if (const auto error = m_zip.open(data, limits.maxUncompressedBytes))
        return damagedXlsx(*error);
    if (!m_zip.contains(WorkbookPart)) {
        ReadError error;
        if (m_zip.contains(QStringLiteral("content.xml")) && m_zip.contains(QStringLiteral("mimetype")))
            error.message
                = QStringLiteral("The file is an OpenDocument spreadsheet (.ods), not XLSX — save it as XLSX or "
                                 "CSV and import that");
        else
            error.message
                = QStringLiteral("The file is a ZIP archive but not an XLSX workbook (it has no xl/workbook.xml)");
        return error;
    }
    if (auto error = readWorkbook())
        return error;
    return readRelationships();
}

QStringList XlsxWorkbook::sheetNames() const
{
    QStringList names;
    for (const SheetPart &sheet : m_sheets)
        names.append(sheet.name);
    return names;
}

std::optional<ReadError> XlsxWorkbook::readWorkbook()
{
    // Sheets in workbook order; `part` holds the relationship id until readRelationships().
    return parsePart(WorkbookPart, [&](QXmlStreamReader &xml, qint64) {
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"workbookPr") {
                m_date1904 = isTrue(xml.attributes().value("date1904"_L1));
            } else if (xml.name() == u"sheet") {
                const auto attributes = xml.attributes();
                m_sheets.append({attributes.value("name"_L1).toString(), relationshipId(attributes).toString()});
            }
        }
    });
}

std::optional<ReadError> XlsxWorkbook::readRelationships()
{
    QHash<QString, QString> partOfId;
    auto error = parsePart(WorkbookRelationshipsPart, [&](QXmlStreamReader &xml, qint64) {
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement() || xml.name() != u"Relationship")
                continue;
            const auto attributes = xml.attributes();
            if (attributes.value("TargetMode"_L1) == u"External")
                continue;
            const QStringView type = attributes.value("Type"_L1);
            const QString part = resolveTarget(attributes.value("Target"_L1));
            if (type.endsWith(u"/worksheet"))
                partOfId.insert(attributes.value("Id"_L1).toString(), part);
            else if (type.endsWith(u"/sharedStrings"))
                m_sharedStringsPart = part;
            else if (type.endsWith(u"/styles"))
                m_stylesPart = part;
        }
    });
    if (error)
        return error;
    // Chart sheets and dialog sheets hold no cells: only worksheets are offered.
    QList<SheetPart> worksheets;
    for (const SheetPart &sheet : std::as_const(m_sheets)) {
        if (partOfId.contains(sheet.part))
            worksheets.append({sheet.name, partOfId.value(sheet.part)});
    }
    m_sheets = worksheets;
    return std::nullopt;
}

std::optional<ReadError> XlsxWorkbook::parsePart(const QString &part,
                                                 const std::function<void(QXmlStreamReader &, qint64)> &parse) const
{
    QString zipError;
    qint64 size = 0;
    std::unique_ptr<ZipEntryDevice> device = m_zip.openEntry(part, &zipError, &size);
    if (!device)
        return damagedXlsx(zipError);
    QXmlStreamReader xml(device.get());
    parse(xml, size);
    if (!xml.hasError())
        return std::nullopt;
    if (device->failed())
        return damagedXlsx(QStringLiteral("%1 cannot be unpacked (%2)").arg(part, device->errorString()));
    return damagedXlsx(QStringLiteral("%1 is not well-formed XML (line %2: %3)")
                           .arg(part, QString::number(xml.lineNumber()), xml.errorString()));
}

} // namespace backoffice::spreadsheet
