package io.pbxctl.daemon.agi;

import io.pbxctl.agi.script.ScriptRegistry;
import io.pbxctl.daemon.system.PbxProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the FastAGI server with the daemon: binds at start-up (a port in use stops the daemon
 * instead of leaving Asterisk without answers) and stops accepting at shutdown.
 */
public class FastAgiServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final ScriptRegistry scripts;
    private final PbxProperties.FastAgi settings;
    private volatile PbxAgiServer server;
    private volatile GuardedServerSocket socket;

    FastAgiServer(ScriptRegistry scripts, PbxProperties.FastAgi settings) {
        this.scripts = scripts;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        try {
            socket = new GuardedServerSocket(InetAddress.getByName(settings.address()), settings.port(), settings.backlog(),
                    allowedClients(), (int) settings.readTimeout().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for FastAGI on " + settings.address() + ":" + settings.port(), e);
        }
        server = new PbxAgiServer(scripts, socket, settings.threads(), settings.queueCapacity(), settings.queueWait());
        Thread acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                log.error("the FastAGI server stopped: {}", e.getMessage());
            }
        }, "fastagi-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("FastAGI listening on {}:{} for {} with scripts {}", settings.address(), socket.port(), settings.allowedClients(),
                scripts.names());
    }

    private Set<InetAddress> allowedClients() throws UnknownHostException {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String client : settings.allowedClients()) {
            addresses.addAll(Set.of(InetAddress.getAllByName(client.trim())));
        }
        return addresses;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port actually bound (the configured one, or the one the system chose for port 0). */
    public int port() {
        return socket == null ? -1 : socket.port();
    }
}
