#pragma once

#include "Pdu.h"

#include <QByteArray>
#include <QString>

// Appends SMPP fields in network byte order. The first field that breaks its SMPP limit (a C-Octet
// string too long or holding a NUL, a short message over 254 octets…) stops the writer and is kept
// as the problem, so the encoder never puts a PDU on the wire that a strict peer would reject.
namespace backoffice::smpp {

class WireWriter final
{
public:
    explicit WireWriter(QByteArray *out)
        : m_out(out)
    { }

    void u8(quint8 value);
    void u16(quint16 value);
    void u32(quint32 value);
    // maxSize counts the terminating NUL, as the spec's tables do.
    void cString(const QByteArray &value, int maxSize, quint32 status, const char *field);
    // Absolute or relative time (section 7.1): NULL or exactly 16 characters.
    void timeString(const QByteArray &value, quint32 status, const char *field);
    void address(const Address &address, int maxSize, quint32 status, const char *field);
    // sm_length followed by the octets.
    void shortMessage(const QByteArray &message);
    void tlvs(const TlvList &tlvs);
    // The reader's end-of-body check; nothing to write.
    void end() { }

    bool ok() const { return m_problem.isEmpty(); }
    const QString &problem() const { return m_problem; }

private:
    void fail(const QString &problem);

    QByteArray *m_out;
    QString m_problem;
};

} // namespace backoffice::smpp
