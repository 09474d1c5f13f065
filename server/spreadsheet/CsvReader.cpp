#include "CsvReader.h"

#include "TextDecoding.h"

#include <QHash>
#include <array>

namespace backoffice::spreadsheet {

namespace {

// Ties go to the rarer characters: when ',' and ';' both split every record alike, the file is
// most likely ';'-delimited with decimal commas (the usual European export), not the reverse.
constexpr std::array<char16_t, 4> DelimiterCandidates = {u'\t', u';', u'|', u','};
constexpr int DetectionRecords = 50;
constexpr qsizetype DetectionChars = 64 * 1024;

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r';
}

} // namespace

CsvReader::CsvReader(const ReadOptions &options)
    : m_options(options)
    , m_builder(options)
{ }

QChar CsvReader::detectDelimiter(QStringView text)
{
    text = text.left(DetectionChars);
    // Per record (quote-aware, so quoted line breaks do not end one), how often each candidate occurs.
    QList<std::array<int, DelimiterCandidates.size()>> counts;
    std::array<int, DelimiterCandidates.size()> current {};
    bool inQuotes = false;
    bool blank = true;
    for (qsizetype i = 0; i <= text.size() && counts.size() < DetectionRecords; ++i) {
        const QChar c = i < text.size() ? text[i] : QChar(u'\n');
        if (c == u'"') {
            inQuotes = !inQuotes;
            blank = false;
        } else if (!inQuotes && isLineBreak(c)) {
            if (!blank)
                counts.append(current);
            current = {};
            blank = true;
        } else if (!inQuotes) {
            for (size_t k = 0; k < DelimiterCandidates.size(); ++k)
                current[k] += c == DelimiterCandidates[k] ? 1 : 0;
            blank = blank && c.isSpace();
        }
    }

    // Score: how many records have the candidate's most common non-zero count, so a title line
    // above the header does not decide; then the larger count (more fields); then the order above.
    QChar best = u',';
    std::pair<int, int> bestScore {0, 0};
    for (size_t k = 0; k < DelimiterCandidates.size(); ++k) {
        QHash<int, int> frequency;
        for (const auto &record : counts) {
            if (record[k] > 0)
                ++frequency[record[k]];
        }
        std::pair<int, int> score {0, 0}; // records agreeing, delimiters per record
        for (auto it = frequency.cbegin(); it != frequency.cend(); ++it)
            score = std::max(score, std::pair<int, int>(it.value(), it.key()));
        if (score > bestScore) {
            bestScore = score;
            best = DelimiterCandidates[k];
        }
    }
    return best;
}

std::variant<Sheet, ReadError> CsvReader::read(const QByteArray &data)
{
    auto decoded = decodeText(data, m_options.encoding);
    if (auto *error = std::get_if<ReadError>(&decoded))
        return *error;
    const QString &text = std::get<QString>(decoded);
    m_delimiter = m_options.delimiter.value_or(detectDelimiter(text));
    if (m_delimiter == u'"' || isLineBreak(m_delimiter)) {
        ReadError error;
        error.message = QStringLiteral("A quote or a line break cannot be the delimiter of a CSV file");
        return error;
    }
    readRecords(text);
    auto result = m_builder.finish(QString());
    if (auto *sheet = std::get_if<Sheet>(&result))
        sheet->delimiter = m_delimiter;
    return result;
}

bool CsvReader::readRecords(QStringView text)
{
    m_begin = m_pos = text.data();
    m_end = m_begin + text.size();
    qint64 row = 1;
    int column = 1;
    while (m_pos < m_end) {
        if (!readField(row, column))
            return false;
        if (m_pos == m_end)
            break;
        if (*m_pos == m_delimiter) {
            ++m_pos;
            ++column;
            continue;
        }
        // A line break: CRLF counts once.
        if (*m_pos == u'\r' && m_pos + 1 < m_end && m_pos[1] == u'\n')
            ++m_pos;
        ++m_pos;
        if (!m_builder.rowRead(m_pos - m_begin, m_end - m_begin))
            return false;
        ++row;
        column = 1;
    }
    return true;
}

bool CsvReader::readField(qint64 row, int column)
{
    while (m_pos < m_end && isSpace(*m_pos))
        ++m_pos;
    if (m_pos < m_end && *m_pos == u'"') {
        QString text;
        if (!readQuotedField(row, column, &text))
            return false;
        return m_builder.setCell(row, column, std::move(text));
    }
    const QChar *start = m_pos;
    while (m_pos < m_end && *m_pos != m_delimiter && !isLineBreak(*m_pos))
        ++m_pos;
    const QChar *stop = m_pos;
    while (stop > start && isSpace(stop[-1]))
        --stop;
    if (stop == start)
        return true;
    if (m_builder.counting()) { // the read fails anyway: no need to copy the text
        m_builder.countRow(row);
        return true;
    }
    return m_builder.setCell(row, column, QString(start, stop - start));
}

bool CsvReader::readQuotedField(qint64 row, int column, QString *text)
{
    ++m_pos; // the opening quote
    for (;;) {
        const QChar *start = m_pos;
        while (m_pos < m_end && *m_pos != u'"')
            ++m_pos;
        if (m_pos == m_end) {
            m_builder.fail(cellError(row, column,
                                     QStringLiteral("the quoted cell that starts here is never closed (a \" is "
                                                    "missing), so the rest of the file would end up in it")));
            return false;
        }
        text->append(start, m_pos - start);
        ++m_pos; // the quote
        if (m_pos < m_end && *m_pos == u'"') { // a doubled quote is one quote of the text
            text->append(u'"');
            ++m_pos;
            continue;
        }
        break;
    }
    // After the closing quote: trailing spaces are dropped, anything else up to the delimiter is kept.
    const QChar *start = m_pos;
    while (m_pos < m_end && *m_pos != m_delimiter && !isLineBreak(*m_pos))
        ++m_pos;
    const QChar *stop = m_pos;
    while (stop > start && isSpace(stop[-1]))
        --stop;
    text->append(start, stop - start);
    return true;
}

} // namespace backoffice::spreadsheet
