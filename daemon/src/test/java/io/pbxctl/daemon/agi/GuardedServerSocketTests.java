package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.util.SocketConnectionFacade;
import org.junit.jupiter.api.Test;

/** FastAGI has no authentication: connections from addresses that are not allowed are closed unread. */
class GuardedServerSocketTests {

    @Test
    void onlyAllowedAddressesGetThrough() throws Exception {
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        InetAddress v6 = InetAddress.getByName("::1");
        assumeTrue(ipv6LoopbackWorks(v6), "IPv6 loopback is needed to connect from a second local address");
        GuardedServerSocket socket = new GuardedServerSocket(InetAddress.getByName("::"), 0, 50, Set.of(v4), 5_000);
        try {
            CompletableFuture<SocketConnectionFacade> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return socket.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket refused = new Socket(v6, socket.port())) {
                refused.setSoTimeout(5_000);
                InputStream in = refused.getInputStream();
                assertThat(in.read()).as("the server closes a connection from ::1 at once").isEqualTo(-1);
            }
            assertThat(accepted).isNotDone();
            try (Socket allowed = new Socket(v4, socket.port())) {
                SocketConnectionFacade connection = accepted.get(5, TimeUnit.SECONDS);
                assertThat(connection.getRemoteAddress()).isEqualTo(v4);
                connection.close();
            }
        } finally {
            socket.close();
        }
    }

    private static boolean ipv6LoopbackWorks(InetAddress v6) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, v6)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
