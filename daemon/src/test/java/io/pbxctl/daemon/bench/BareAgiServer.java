package io.pbxctl.daemon.bench;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ceiling of the FastAGI benchmark: Asterisk-Java's own server and connection code with a
 * script that answers like an allowed outbound decision of the daemon (the same variables with
 * the same values, in the same order) without any database or policy work. It gets the
 * daemon's settings (pbx.fastagi.*): a fixed pool of 200 threads with a 5,000-connection queue,
 * a backlog of 4,096, a 30 s read timeout and TCP_NODELAY, so that the ratio between the two
 * measures only what the daemon adds. Not a test: run by scripts/benchmark-fastagi.
 *
 * <pre>java -cp CLASSPATH io.pbxctl.daemon.bench.BareAgiServer [--port 0] [--threads 200] [--queue 5000]</pre>
 *
 * Prints {@code BARE_AGI_PORT=<port>} once it listens.
 */
public final class BareAgiServer {

    private BareAgiServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, 0);
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "200"));
        int queue = Integer.parseInt(options.getOrDefault("queue", "5000"));
        int backlog = Integer.parseInt(options.getOrDefault("backlog", "4096"));
        int readTimeoutMs = Integer.parseInt(options.getOrDefault("read-timeout-ms", "30000"));
        quietLogging();

        NodelayServerSocket socket = new NodelayServerSocket(port, backlog, readTimeoutMs);
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.of(BenchModel.SCRIPT, new AllowedOutboundScript()));
        DefaultAgiServer server = new DefaultAgiServer(mapping) {
            @Override
            protected ServerSocketFacade createServerSocket() {
                return socket;
            }

            @Override
            protected ThreadPoolExecutor createPool() {
                // The daemon's pool (PbxAgiServer): fixed size, bounded queue, idle threads time out.
                AtomicInteger number = new AtomicInteger();
                ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(queue), runnable -> {
                            Thread thread = new Thread(runnable, "fastagi-" + number.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
                pool.allowCoreThreadTimeOut(true);
                return pool;
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdown();
            } catch (RuntimeException ignored) {
                // Exiting anyway.
            }
        }));
        System.out.println("BARE_AGI_PORT=" + socket.port());
        System.out.flush();
        server.startup(); // blocks until shutdown
    }

    private static void quietLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }

    /** What the daemon's outbound script sets for an allowed call of the benchmark model. */
    static final class AllowedOutboundScript implements AgiScript {

        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            String[] arguments = request.getArguments();
            String tenant = arguments[0];
            String device = arguments[1];
            String number = arguments[2];
            channel.setVariable("PBX_DIRECTION", "MOBILE");
            channel.setVariable("PBX_NUMBER", number);
            channel.setVariable("PBX_TRUNK_COUNT", "2");
            channel.setVariable("PBX_TRUNK_1", "PJSIP/" + number + "@trunk~" + tenant + "~" + BenchModel.TRUNKS.get(0));
            channel.setVariable("PBX_TRUNK_2", "PJSIP/" + number + "@trunk~" + tenant + "~" + BenchModel.TRUNKS.get(1));
            channel.setVariable("PBX_CALLERID_NUM", BenchModel.CALLER_ID_NUMBER);
            channel.setVariable("PBX_CALLERID_NAME", BenchModel.CALLER_ID_NAME);
            channel.setVariable("PBX_LIMIT_MS", String.valueOf(BenchModel.hasQuota(device) ? BenchModel.RESERVATION_SECONDS * 1000 : 0));
            channel.setVariable("PBX_ACCOUNT_LABEL", "");
            channel.setVariable("PBX_REASON", "");
            channel.setVariable("PBX_RESULT", "ALLOWED");
        }
    }

    /**
     * Asterisk-Java's listening socket with the daemon's options: backlog, read timeout and
     * TCP_NODELAY (the library's own facade sets no TCP_NODELAY and takes no backlog beyond its
     * constructor). Connections are the library's own SocketConnectionFacadeImpl, built through
     * its package-private constructor.
     */
    static final class NodelayServerSocket implements ServerSocketFacade {

        private final ServerSocket socket;
        private final Constructor<?> connection;
        private volatile int readTimeoutMs;

        NodelayServerSocket(int port, int backlog, int readTimeoutMs) throws IOException, ReflectiveOperationException {
            this.socket = new ServerSocket();
            this.socket.setReuseAddress(true);
            this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            this.readTimeoutMs = readTimeoutMs;
            this.connection = Class.forName("org.asteriskjava.util.internal.SocketConnectionFacadeImpl")
                    .getDeclaredConstructor(Socket.class, int.class);
            this.connection.setAccessible(true);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public SocketConnectionFacade accept() throws IOException {
            Socket client = socket.accept();
            try {
                client.setTcpNoDelay(true);
                return (SocketConnectionFacade) connection.newInstance(client, readTimeoutMs);
            } catch (ReflectiveOperationException e) {
                client.close();
                throw new IOException("cannot wrap the connection", e);
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
}
