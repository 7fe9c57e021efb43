package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.recording.RecordingFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The recording of a call in the history, through the API: exactly the history's scope (tenant
 * admins, billing viewers and operators any call of the tenant, users their own calls), the
 * file found through its recording row, audio/wav with byte ranges, one audit entry per login
 * and recording, and a problem for each way a recording can be missing.
 */
class CallRecordingApiTests extends ApiTestSupport {

    private static final AtomicLong CALLS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private CdrImporter importer;
    @Autowired
    private ApplicationContext context;
    @TempDir
    private Path dir;

    private TenantFixture tenant;
    private long bob;
    private long carol;
    private Path recordings;
    private final List<CdrLines> records = new ArrayList<>();
    private final Map<String, Long> people = new HashMap<>();
    private final Map<String, String> extensions = new HashMap<>();
    private final List<Long> tenants = new ArrayList<>();

    @BeforeEach
    void tenantWithPeople() {
        tenant = newTenant("VN");
        tenants.add(tenant.id());
        person("alice", "100");
        bob = person("bob", "101");
        carol = person("carol", "102");
        recordings = RecordingFixtures.directory(context);
    }

    /** The recordings registered here would wait for a mail (PENDING), and the mail tests count what a round sends. */
    @AfterEach
    void noRecordingLeftToMail() {
        jdbc.sql("DELETE FROM recording WHERE tenant_id IN (:tenants)").param("tenants", tenants).update();
    }

    @Test
    void anAdminAndAnOperatorPlayARecordingAsWavWithByteRangesAndTheListSaysItIsAvailable() throws Exception {
        Recorded call = recordedCall("alice", "bob", 2);
        importAndScan();

        HttpResponse<byte[]> whole = fetch(tenant.slug() + "-admin", path(call), null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline").contains(call.callId() + ".wav");
        assertThat(whole.body()).isEqualTo(Files.readAllBytes(call.file()));

        HttpResponse<byte[]> range = fetch(tenant.slug() + "-admin", path(call), "bytes=0-99");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 0-99/" + Files.size(call.file()));
        assertThat(range.body()).isEqualTo(Arrays.copyOf(Files.readAllBytes(call.file()), 100));

        assertThat(fetch(OPERATOR, path(call), null).statusCode()).isEqualTo(200);

        JsonNode item = tenant.admin().get(tenant.path("calls")).body().get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(id(call));
        assertThat(item.get("recorded").asBoolean()).isTrue();
        assertThat(item.get("recordingAvailable").asBoolean()).isTrue();
    }

    @Test
    void aBillingViewerPlaysAnyCallOfTheTenantAndIsAuditedOncePerWindowNotPerRange() throws Exception {
        Recorded call = recordedCall("alice", "bob", 2);
        importAndScan();
        String billing = login(person("bella", "103"), "BILLING_VIEWER");

        assertThat(fetch(billing, path(call), null).statusCode()).isEqualTo(200);
        assertThat(fetch(billing, path(call), "bytes=1000-").statusCode()).isEqualTo(206);
        assertThat(fetch(tenant.slug() + "-admin", path(call), null).statusCode()).isEqualTo(200);

        JsonNode entries = tenant.admin().get(tenant.path("audit?entityType=recording&action=PLAY")).body().get("items");
        assertThat(entries).hasSize(2);
        Map<String, JsonNode> byActor = new HashMap<>();
        entries.forEach(e -> byActor.put(e.get("actor").asText(), e));
        assertThat(byActor).containsOnlyKeys(billing, tenant.slug() + "-admin");
        JsonNode played = byActor.get(billing).get("after");
        assertThat(played.get("callRecordId").asLong()).isEqualTo(id(call));
        assertThat(played.get("callId").asText()).isEqualTo(call.callId());
        assertThat(played.get("via").asText()).isEqualTo("api");

        jdbc.sql("UPDATE audit_entry SET at = at - INTERVAL 11 MINUTE WHERE tenant_id = ? AND action = 'PLAY'").param(tenant.id()).update();
        assertThat(fetch(billing, path(call), null).statusCode()).isEqualTo(200);
        assertThat(tenant.admin().get(tenant.path("audit?entityType=recording&action=PLAY")).body().get("items"))
                .as("a new entry once the window has passed").hasSize(3);
    }

    @Test
    void aUserPlaysRecordingsOfTheirOwnCallsOnlyAndAnotherTenantNone() {
        Recorded call = recordedCall("alice", "bob", 2);
        importAndScan();

        assertThat(fetch(login(bob, "USER"), path(call), null).statusCode()).as("bob took the call").isEqualTo(200);
        HttpResponse<byte[]> notHers = fetch(login(carol, "USER"), path(call), null);
        assertThat(notHers.statusCode()).as("carol was not in the call").isEqualTo(404);
        assertThat(problem(notHers).get("detail").asText()).isEqualTo("no call " + id(call) + " here");

        TenantFixture other = newTenant("PL");
        tenants.add(other.id());
        assertThat(fetch(other.slug() + "-admin", path(call), null).statusCode()).isEqualTo(403);
        assertThat(fetch(other.slug() + "-admin", other.path("calls/" + id(call) + "/recording"), null).statusCode())
                .as("the call looked up in the other tenant").isEqualTo(404);
    }

    @Test
    void eachWayARecordingCanBeMissingIsAProblemSayingWhichAndNeverAFileFromElsewhere() throws Exception {
        Recorded notRecorded = call("alice", "bob", 3, null, Instant.now());
        Recorded empty = recordedCall("alice", "bob", 0);
        Recorded unregistered = call("alice", "carol", 2, "u" + carol, Instant.now());
        RecordingFixtures.write(recordings, unregistered.name(), 2, false);
        Instant longAgo = Instant.now().minus(Duration.ofDays(100));
        Recorded expired = call("alice", "bob", 2, "u" + bob, longAgo);
        RecordingFixtures.finishedAt(RecordingFixtures.write(recordings, expired.name(), 2, true), longAgo);
        Recorded vanished = recordedCall("alice", "bob", 2);
        TenantFixture other = newTenant("VN");
        tenants.add(other.id());
        long someoneElse = other.create("users", Map.of("name", "someone"));
        String othersFile = RecordingFixtures.name(other.slug(), newCallId(), "u" + someoneElse);
        RecordingFixtures.write(recordings, othersFile, 2, true);
        Recorded namingAnotherTenantsFile = call("alice", "bob", 2, null, Instant.now());
        records.get(records.size() - 1).set("pbx_recording(uservar)", othersFile);
        importAndScan();
        RecordingFixtures.retention(context);
        Files.delete(vanished.file());

        assertProblem(notRecorded, 404, "call " + id(notRecorded) + " was not recorded");
        assertProblem(empty, 404, "the recording of this call is empty");
        assertProblem(unregistered, 404, "the recording of this call is not available");
        assertProblem(expired, 410, "deleted after the tenant's retention period of 90 days");
        assertProblem(vanished, 410, "no longer exists");
        assertProblem(namingAnotherTenantsFile, 404, "the recording of this call is not available");
        assertThat(tenant.admin().get(tenant.path("calls/abc/recording")).errorFields()).containsExactly("callId");

        JsonNode items = tenant.admin().get(tenant.path("calls?size=50")).body().get("items");
        assertThat(items).hasSize(6);
        List<Long> available = new ArrayList<>();
        items.forEach(item -> {
            if (item.get("recordingAvailable").asBoolean()) {
                available.add(item.get("id").asLong());
            }
        });
        assertThat(available).as("the list reads rows, not the disk: a vanished file shows when played").containsExactly(id(vanished));
    }

    @Test
    void theApiDescriptionSaysItIsAudioWithRangesAndItsProblems() {
        JsonNode get = anonymous().get("/v3/api-docs").body().get("paths").get("/api/v1/tenants/{tenantId}/calls/{callId}/recording")
                .get("get");
        assertThat(get.at("/responses/200/content").has("audio/wav")).isTrue();
        assertThat(get.at("/responses/206/content").has("audio/wav")).isTrue();
        assertThat(get.at("/responses/404/content").has("application/problem+json")).isTrue();
        assertThat(get.at("/responses/410/content").has("application/problem+json")).isTrue();
    }

    private void assertProblem(Recorded call, int status, String detail) {
        HttpResponse<byte[]> response = fetch(tenant.slug() + "-admin", path(call), null);
        assertThat(response.statusCode()).as(utf8(response.body())).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(problem(response).get("detail").asText()).contains(detail);
    }

    /** A call of this test: Asterisk's id, and the recording's name and file when the dialplan recorded it. */
    private record Recorded(String callId, String name, Path file) {
    }

    /** An internal call recorded by its callee (u&lt;user id&gt;), finished and ready to be scanned. */
    private Recorded recordedCall(String from, String to, int seconds) {
        Recorded call = call(from, to, seconds, "u" + people.get(to), Instant.now());
        RecordingFixtures.write(recordings, call.name(), seconds, true);
        return call;
    }

    /** Adds the record of an internal call; with an owner, the record names the recording the dialplan made. */
    private Recorded call(String from, String to, int talk, String owner, Instant start) {
        String callId = newCallId();
        String name = owner == null ? null : RecordingFixtures.name(tenant.slug(), callId, owner);
        CdrLines line = CdrLines.call(callId, start, talk).from(tenant.slug() + "-" + from, extensions.get(from))
                .to(extensions.get(to), "pbx~" + tenant.slug() + "~devices", tenant.slug() + "-" + to);
        if (name != null) {
            line.set("pbx_recording(uservar)", name);
        }
        records.add(line);
        return new Recorded(callId, name, name == null ? null : recordings.resolve(name));
    }

    /** Asterisk's unique id form (the recording's name requires it): epoch seconds, a dot, a counter. */
    private static String newCallId() {
        return Instant.now().getEpochSecond() + "." + CALLS.incrementAndGet();
    }

    private long id(Recorded call) {
        return jdbc.sql("SELECT id FROM call_record WHERE tenant_id = ? AND uniqueid = ?").params(tenant.id(), call.callId())
                .query(Long.class).single();
    }

    private String path(Recorded call) {
        return tenant.path("calls/" + id(call) + "/recording");
    }

    private void importAndScan() {
        Path file = dir.resolve("pbx-cdr.csv");
        CdrLines.append(file, records);
        assertThat(importer.importFile(file)).isEqualTo(records.size());
        RecordingFixtures.scan(context);
    }

    private long person(String name, String extension) {
        long user = tenant.create("users", Map.of("name", name));
        people.put(name, user);
        extensions.put(name, extension);
        tenant.create("extensions", Map.of("userId", user, "number", extension));
        tenant.create("devices", Map.of("userId", user, "sipUsername", tenant.slug() + "-" + name));
        return user;
    }

    private String login(long user, String role) {
        String username = tenant.slug() + "-" + user + "-" + role.toLowerCase();
        Api.Response login = tenant.admin().put(tenant.path("users/" + user + "/login"),
                Map.of("username", username, "password", PASSWORD, "role", role));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return username;
    }

    /** A GET as a player or curl makes it: any content type, optionally a byte range. */
    private HttpResponse<byte[]> fetch(String username, String path, String range) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + basic);
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode problem(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(utf8(response.body()), e);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
