package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * Browser devices in a real Asterisk 22: with a TLS certificate configured, the generated files
 * start Asterisk's HTTPS server on the WSS port with that certificate, pjsip's WSS transport
 * exists, and a WebSocket client that trusts only that certificate opens a {@code sip}
 * WebSocket on {@code wss://127.0.0.1:PORT/ws}, as a browser phone does. (The CLI's
 * {@code http show status} is no witness: it mentions the HTTPS server only when the plain one
 * is enabled too.)
 */
class WebRtcTransportInAsteriskTests {

    @Test
    void aConfiguredCertificateGivesBrowsersASecureWebSocket() throws Exception {
        AsteriskSandbox.assumeAvailable();
        Path base = Path.of("target", "asterisk-sandbox", "webrtc-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Path conf = base.resolve("conf");
        Map<String, String> values = Map.of("AMI_PORT", Integer.toString(AsteriskSandbox.freeTcpPort()),
                "SIP_PORT", Integer.toString(AsteriskSandbox.freeUdpPort()), "AMI_SECRET", UUID.randomUUID().toString());
        AsteriskSandbox.copyConfig(resource("/sandbox/minimal"), conf, values);
        AsteriskSandbox.copyConfig(resource("/sandbox/generated"), conf, values);
        Path certificate = conf.resolve("keys/pbx.crt");
        Path key = conf.resolve("keys/pbx.key");
        selfSigned(certificate, key);
        int wssPort = AsteriskSandbox.freeTcpPort();
        GenerationSettings settings = new GenerationSettings("agi://127.0.0.1:4573", "asterisk", "127.0.0.1", "127.0.0.1",
                AsteriskSandbox.freeUdpPort(), AsteriskSandbox.freeTcpPort(), AsteriskSandbox.freeTcpPort(), wssPort,
                certificate.toString(), key.toString(), 30, 90);
        new ConfigGenerator(Scenarios::threeDevices, new TemplateRenderer((Path) null), settings, new ConfigWriter(conf),
                Clock.systemUTC()).generate();

        try (AsteriskSandbox asterisk = AsteriskSandbox.start(base.resolve("run"), conf)) {
            assertThat(asterisk.cli("pjsip show transports")).contains("transport~wss");
            assertThat(asterisk.cli("pjsip show endpoint alice-web")).containsPattern("transport\\s+:\\s+transport~wss");

            HttpClient client = HttpClient.newBuilder().sslContext(trusting(certificate)).connectTimeout(Duration.ofSeconds(10)).build();
            WebSocket socket = client.newWebSocketBuilder().subprotocols("sip")
                    .buildAsync(URI.create("wss://127.0.0.1:" + wssPort + "/ws"), new WebSocket.Listener() { })
                    .get(20, TimeUnit.SECONDS);
            assertThat(socket.getSubprotocol()).isEqualTo("sip");
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

            assertThat(Files.readAllLines(asterisk.logDir().resolve("messages"), StandardCharsets.UTF_8))
                    .noneMatch(line -> line.contains("] WARNING[") || line.contains("] ERROR["));
        }
    }

    /** A certificate for 127.0.0.1 (as its subject alternative name, so that hostname checks pass) and its key. */
    private static void selfSigned(Path certificate, Path key) throws Exception {
        Files.createDirectories(certificate.getParent());
        Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out",
                certificate.toString())).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).as(output).isTrue();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("asterisk", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(WebRtcTransportInAsteriskTests.class.getResource(name).toURI());
    }
}
