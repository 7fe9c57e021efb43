package io.pbxctl.daemon.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI listening socket. FastAGI has no authentication, so a connection from an
 * address that is not an allowed Asterisk server is closed before a byte is read, and logged.
 */
final class GuardedServerSocket implements ServerSocketFacade {

    private static final Logger log = LoggerFactory.getLogger(GuardedServerSocket.class);

    private final ServerSocket socket;
    private final Set<InetAddress> allowed;
    private volatile int readTimeoutMs;

    GuardedServerSocket(InetAddress address, int port, int backlog, Set<InetAddress> allowed, int readTimeoutMs) throws IOException {
        this.socket = new ServerSocket();
        this.socket.setReuseAddress(true);
        this.socket.bind(new InetSocketAddress(address, port), backlog);
        this.allowed = Set.copyOf(allowed);
        this.readTimeoutMs = readTimeoutMs;
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket client = socket.accept();
            InetAddress from = client.getInetAddress();
            if (!allowed.contains(from)) {
                log.warn("closed a FastAGI connection from {}: not in pbx.fastagi.allowed-clients", from.getHostAddress());
                closeQuietly(client);
                continue;
            }
            try {
                client.setSoTimeout(readTimeoutMs);
                client.setTcpNoDelay(true);
                return new BoundedConnection(client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private static void closeQuietly(Socket client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // The client is gone either way.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        this.readTimeoutMs = socketReadTimeout;
    }
}
