#include "XlsxReader.h"

#include "NumberText.h"

#include <QXmlStreamReader>

namespace backoffice::spreadsheet {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxXlsxColumn = 16384; // XFD, the last column Excel has
constexpr qint64 MaxXlsxRow = 1048576;

// Parses a cell reference such as "C12" into column 3 and row 12; false if it is none.
bool parseCellReference(QStringView reference, qint64 *row, int *column)
{
    qsizetype i = 0;
    int col = 0;
    for (; i < reference.size() && reference[i] >= u'A' && reference[i] <= u'Z'; ++i) {
        col = col * 26 + (reference[i].unicode() - u'A' + 1);
        if (col > MaxXlsxColumn)
            return false;
    }
    qint64 r = 0;
    const qsizetype digitsStart = i;
    for (; i < reference.size() && reference[i].isDigit(); ++i) {
        r = r * 10 + reference[i].digitValue();
        if (r > MaxXlsxRow)
            return false;
    }
    if (col == 0 || i != reference.size() || (i > digitsStart && r == 0))
        return false;
    *column = col;
    if (i > digitsStart)
        *row = r;
    return true;
}

// The text of a rich or plain string element (<si> or <is>) at the reader: the <t> of every run
// concatenated. Phonetic guides (<rPh>, furigana for Japanese text) are not part of the value.
QString readStringItem(QXmlStreamReader &xml)
{
    QString text;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"t") {
            text += xml.readElementText();
        } else if (xml.name() == u"r") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"t")
                    text += xml.readElementText();
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    return unescapeOoxml(std::move(text));
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    return -1;
}

} // namespace

QString unescapeOoxml(QString text)
{
    if (!text.contains(u"_x"))
        return text;
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'_' && i + 6 < text.size() && text[i + 1] == u'x' && text[i + 6] == u'_') {
            int code = 0;
            for (int k = 2; k < 6 && code >= 0; ++k)
                code = hexValue(text[i + k]) < 0 ? -1 : code * 16 + hexValue(text[i + k]);
            if (code >= 0) {
                result.append(QChar(char16_t(code)));
                i += 6;
                continue;
            }
        }
        result.append(text[i]);
    }
    return result;
}

XlsxReader::XlsxReader(const ReadOptions &options)
    : m_options(options)
    , m_builder(options)
{ }

std::variant<QStringList, ReadError> XlsxReader::sheetNames(const QByteArray &data)
{
    if (auto error = m_workbook.open(data, m_options.limits))
        return *error;
    return m_workbook.sheetNames();
}

std::variant<Sheet, ReadError> XlsxReader::read(const QByteArray &data)
{
    if (auto error = m_workbook.open(data, m_options.limits))
        return *error;
    const auto selected = selectSheet(m_workbook.sheetNames(), m_options);
    if (const auto *error = std::get_if<ReadError>(&selected))
        return *error;
    const XlsxWorkbook::SheetPart sheet = m_workbook.sheets().at(std::get<int>(selected));

    if (!m_workbook.stylesPart().isEmpty()) {
        if (auto error = m_workbook.parsePart(m_workbook.stylesPart(),
                                              [this](QXmlStreamReader &xml, qint64) { m_styles.read(xml); }))
            return *error;
    }
    if (auto error = readSharedStrings())
        return *error;
    if (auto error
        = m_workbook.parsePart(sheet.part, [this](QXmlStreamReader &xml, qint64 size) { readSheetData(xml, size); }))
        return *error;
    return m_builder.finish(sheet.name);
}

std::optional<ReadError> XlsxReader::readSharedStrings()
{
    if (m_workbook.sharedStringsPart().isEmpty())
        return std::nullopt;
    return m_workbook.parsePart(m_workbook.sharedStringsPart(), [this](QXmlStreamReader &xml, qint64) {
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"sst") // a hint only: capped, so a false count cannot reserve gigabytes
                m_sharedStrings.reserve(std::min(xml.attributes().value("uniqueCount"_L1).toInt(), 1 << 20));
            else if (xml.name() == u"si")
                m_sharedStrings.append(readStringItem(xml));
        }
    });
}

void XlsxReader::readSheetData(QXmlStreamReader &xml, qint64 size)
{
    qint64 row = 0;
    int column = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"row") {
            // r is optional: without it a row follows the previous one.
            const QStringView number = xml.attributes().value("r"_L1);
            const qint64 next = number.isEmpty() ? row + 1 : number.toLongLong();
            if (next <= row || next > MaxXlsxRow) {
                m_builder.fail(damagedXlsx(
                    QStringLiteral("the row number \u201c%1\u201d is not valid or out of order").arg(number)));
                return;
            }
            row = next;
            column = 0;
            if (!m_builder.rowRead(xml.characterOffset(), size))
                return;
        } else if (xml.name() == u"c") {
            if (!readCell(xml, &row, &column))
                return;
        }
    }
}

bool XlsxReader::readCell(QXmlStreamReader &xml, qint64 *row, int *column)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    const QStringView reference = attributes.value("r"_L1);
    if (reference.isEmpty()) {
        ++*column; // r is optional: without it a cell follows the previous one
    } else if (!parseCellReference(reference, row, column)) {
        m_builder.fail(damagedXlsx(QStringLiteral("the cell reference \u201c%1\u201d is not valid").arg(reference)));
        return false;
    }
    if (*row == 0 || *column > MaxXlsxColumn) {
        m_builder.fail(damagedXlsx(QStringLiteral("a cell lies outside the sheet")));
        return false;
    }
    const QStringView type = attributes.value("t"_L1);
    const int style = attributes.value("s"_L1).toInt();

    QString value;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"v") {
            value = xml.readElementText();
        } else if (xml.name() == u"is") {
            value = readStringItem(xml);
        } else if (xml.name() == u"f") {
            QString formula = xml.readElementText().simplified();
            if (formula.size() > 60)
                formula = formula.left(57) + QStringLiteral("...");
            // Cells sharing a formula carry only a reference to it, without its text.
            const QString shown = formula.isEmpty() ? QString() : QStringLiteral(" (=%1)").arg(formula);
            m_builder.fail(cellError(*row, *column,
                                     QStringLiteral("the cell holds a formula%1; rate sheets must hold values — "
                                                    "copy the sheet and paste it as values")
                                         .arg(shown)));
            return false;
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError() || value.isEmpty())
        return !xml.hasError();
    if (m_builder.counting()) {
        m_builder.countRow(*row);
        return true;
    }
    const std::optional<QString> text = cellText(type, value, style);
    if (!text) {
        m_builder.fail(
            damagedXlsx(QStringLiteral("the cell %1%2 holds \u201c%3\u201d, which is not a valid value of its type")
                            .arg(columnName(*column), QString::number(*row), value.left(40))));
        return false;
    }
    return m_builder.setCell(*row, *column, *text);
}

std::optional<QString> XlsxReader::cellText(QStringView type, const QString &value, int style) const
{
    if (type.isEmpty() || type == u"n") {
        const DateKind kind = m_styles.dateKind(style);
        if (kind != DateKind::None) {
            if (auto date = serialDateText(value.toDouble(), kind, m_workbook.date1904()))
                return date;
        }
        return numberText(value);
    }
    if (type == u"s") {
        bool ok = false;
        const qsizetype index = value.toLongLong(&ok);
        if (!ok || index < 0 || index >= m_sharedStrings.size())
            return std::nullopt;
        return m_sharedStrings.at(index);
    }
    if (type == u"b")
        return value == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    // inlineStr (read from <is>), str (a formula's text result; formulas were refused above),
    // e (an error value such as #N/A) and d (an ISO 8601 date) are text already.
    return value;
}

} // namespace backoffice::spreadsheet
