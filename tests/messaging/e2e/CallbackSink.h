#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace backoffice::test {

// A minimal HTTP server that records the bodies POSTed to it and answers each request with the
// next status of a script (then 200): the client's callback URL in messaging tests.
class CallbackSink final : public QObject
{
public:
    explicit CallbackSink(QList<int> statuses = {})
        : m_statuses(std::move(statuses))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1/callback").arg(m_server.serverPort()); }
    const QList<QByteArray> &bodies() const { return m_bodies; } // every request, answered 200 or not
    int requests() const { return int(m_bodies.size()); }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        m_bodies.append(buffer.mid(headerEnd + 4, length));
        buffer.remove(0, headerEnd + 4 + length);
        const int status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
        socket->write(QByteArray("HTTP/1.1 ") + QByteArray::number(status) + " X\r\nContent-Length: 0\r\n\r\n");
    }

    QTcpServer m_server;
    QList<int> m_statuses;
    QList<QByteArray> m_bodies;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace backoffice::test
