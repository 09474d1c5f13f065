#pragma once

#include "Pdu.h"

#include <QByteArrayView>
#include <QString>

// Reads SMPP fields from a PDU body without ever reading past its end. The first problem stops
// the reader: later reads leave their targets alone, so a layout can be read straight through and
// checked once at the end.
namespace backoffice::smpp {

class WireReader final
{
public:
    // Structural problems mean the body does not hold the fields its command_length promised
    // (the answer is generic_nack with ESME_RINVCMDLEN); field problems name a command_status
    // that the response to the PDU should carry.
    enum class Problem { None, Structural, Field };

    explicit WireReader(QByteArrayView body)
        : m_body(body)
    { }

    void u8(quint8 &value);
    void u16(quint16 &value);
    void u32(quint32 &value);
    // maxSize counts the terminating NUL, as the spec's tables do.
    void cString(QByteArray &value, int maxSize, quint32 status, const char *field);
    void timeString(QByteArray &value, quint32 status, const char *field);
    void address(Address &address, int maxSize, quint32 status, const char *field);
    void shortMessage(QByteArray &message);
    // Reads TLVs up to the end of the body.
    void tlvs(TlvList &tlvs);
    // Bytes after the last field of a PDU without TLVs: command_length was longer than the fields.
    void end();

    bool atEnd() const { return m_pos == m_body.size(); }
    Problem problem() const { return m_problem; }
    quint32 status() const { return m_status; }
    const QString &reason() const { return m_reason; }

private:
    bool ok() const { return m_problem == Problem::None; }
    qsizetype remaining() const { return m_body.size() - m_pos; }
    bool need(qsizetype count, const char *field);
    void fail(Problem problem, quint32 status, const QString &reason);
    void checkKnownTlv(const Tlv &tlv);

    QByteArrayView m_body;
    qsizetype m_pos = 0;
    Problem m_problem = Problem::None;
    quint32 m_status = status::Ok;
    QString m_reason;
};

} // namespace backoffice::smpp
