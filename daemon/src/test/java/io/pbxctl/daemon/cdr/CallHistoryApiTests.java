package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class CallHistoryApiTests extends ApiTestSupport {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T02:00:00Z");
    private static final Instant NOV_10 = Instant.parse("2026-11-10T02:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T02:00:00Z");
    private static final String HOA = "Nguyễn Thị Hoà";
    private static final String LODZ = "Łukasz Żółć";

    @Autowired
    private CdrImporter importer;
    @TempDir
    private Path dir;

    private TenantFixture tenant;
    private long sales;
    private long alice;
    private long bob;
    private long olga;

    @BeforeEach
    void calls() {
        tenant = newTenant("VN");
        sales = tenant.create("departments", Map.of("name", "Sales"));
        alice = person("alice", "100", Map.of("departmentId", sales));
        bob = person("bob", "101", Map.of());
        olga = person("olga", "102", Map.of());
        tenant.create("account-codes", Map.of("userId", olga, "code", "1357", "label", "Olga Projects"));
        Path file = dir.resolve("pbx-cdr.csv");
        CdrLines.append(file, List.of(
                CdrLines.call(id(), NOV_3, 30).from(device("alice"), "100").to("101", devices(), device("bob")),
                CdrLines.call(id(), NOV_3.plusSeconds(60), 90).from(device("bob"), "101").to("0912345678", devices(), null)
                        .set("dstchannel", "PJSIP/trunk~" + tenant.slug() + "~carrier-0000000c").set("accountcode", "Olga Projects"),
                CdrLines.call(id(), NOV_10, 12).from("trunk~" + tenant.slug() + "~carrier", "0987654321")
                        .set("clid", "\"" + HOA + "\" <0987654321>").to("100", "pbx~" + tenant.slug() + "~extensions", device("alice"))
                        .set("pbx_recording(uservar)", "pbx/x.wav"),
                CdrLines.call(id(), NOV_10.plusSeconds(60), 0).from("trunk~" + tenant.slug() + "~carrier", "48221234567")
                        .set("clid", "\"" + LODZ + "\" <48221234567>").to("101", "pbx~" + tenant.slug() + "~extensions", device("bob")),
                CdrLines.call(id(), DEC_1, 45).from(device("alice"), "100").to("0241234567", devices(), null)));
        assertThat(importer.importFile(file)).isEqualTo(5);
    }

    @Test
    void anAdminPagesTheirTenantsCallsNewestFirstWithNames() {
        Api.Response page = tenant.admin().get(tenant.path("calls?size=2"));

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(5);
        assertThat(page.body().get("totalPages").asInt()).isEqualTo(3);
        JsonNode newest = page.body().get("items").get(0);
        assertThat(newest.get("dialledNumber").asText()).isEqualTo("0241234567");
        assertThat(newest.get("direction").asText()).isEqualTo("LOCAL");
        assertThat(newest.get("userName").asText()).isEqualTo("alice");
        assertThat(newest.get("departmentName").asText()).isEqualTo("Sales");

        Api.Response last = tenant.admin().get(tenant.path("calls?size=2&page=2"));
        assertThat(last.body().get("items")).hasSize(1);
        assertThat(last.body().get("items").get(0).get("talkSeconds").asInt()).isEqualTo(30);

        Api.Response beyond = tenant.admin().get(tenant.path("calls?size=2&page=7"));
        assertThat(beyond.body().get("items")).isEmpty();
        assertThat(beyond.body().get("totalItems").asLong()).isEqualTo(5);
    }

    @Test
    void everyFilterNarrowsTheView() {
        assertThat(dialled("from=2026-11-05&to=2026-11-30")).containsExactly("101", "100");
        assertThat(dialled("userId=" + bob)).containsExactly("101", "0912345678");
        assertThat(dialled("departmentId=" + sales)).containsExactly("0241234567", "100", "101");
        assertThat(dialled("extension=101")).containsExactly("101", "0912345678", "101");
        assertThat(dialled("accountCodeOwnerId=" + olga)).containsExactly("0912345678");
        assertThat(dialled("direction=INBOUND")).containsExactly("101", "100");
        assertThat(dialled("disposition=NO_ANSWER")).containsExactly("101");
        assertThat(dialled("number=2212")).containsExactly("101");
        assertThat(dialled("number=1234")).as("looked up by its last 4 digits, in either number").containsExactly("0241234567", "101",
                "0912345678");
        assertThat(dialled("number=1234&from=2026-11-01&to=2026-11-30")).containsExactly("101", "0912345678");
        assertThat(dialled("number=912345678")).containsExactly("0912345678");
        assertThat(dialled("number=4321")).as("the caller's number").containsExactly("100");
        assertThat(dialled("number=1235")).isEmpty();
        assertThat(dialled("number=1234&direction=MOBILE")).containsExactly("0912345678");
        assertThat(dialled("direction=INBOUND&sort=talkSeconds,desc")).containsExactly("100", "101");
        assertThat(total("direction=INBOUND&from=2026-11-01&to=2026-11-30")).as("from the daily summary").isEqualTo(2);
        assertThat(total("disposition=ANSWERED&userId=" + alice)).as("from the daily summary").isEqualTo(3);
        assertThat(total("direction=INBOUND&from=2026-11-10T09:00:30")).as("counted: not whole days").isEqualTo(1);
        assertThat(total("disposition=NO_ANSWER")).as("counted: not in the summary").isEqualTo(1);
        assertThat(total("number=0")).as("counted from the matching ids").isEqualTo(5);
        assertThat(dialled("number=0&size=2&page=1")).containsExactly("100", "0912345678");
        assertThat(total("extension=101")).as("counted: not in the summary").isEqualTo(3);
        JsonNode owned = tenant.admin().get(tenant.path("calls?accountCodeOwnerId=" + olga)).body().get("items").get(0);
        assertThat(owned.get("accountCodeOwnerName").asText()).isEqualTo("olga");
        assertThat(owned.get("accountCodeLabel").asText()).isEqualTo("Olga Projects");
        assertThat(owned.get("direction").asText()).isEqualTo("MOBILE");
    }

    @Test
    void anUnknownFilterSortOrValueIsRefusedNamingIt() {
        assertThat(tenant.admin().get(tenant.path("calls?colour=red")).errorFields()).containsExactly("colour");
        assertThat(tenant.admin().get(tenant.path("calls?sort=secret,asc")).errorFields()).containsExactly("sort");
        assertThat(tenant.admin().get(tenant.path("calls?direction=SIDEWAYS")).errorFields()).containsExactly("direction");
        assertThat(tenant.admin().get(tenant.path("calls?from=yesterday")).errorFields()).containsExactly("from");
        assertThat(tenant.admin().get(tenant.path("calls?size=501")).errorFields()).containsExactly("size");
        assertThat(tenant.admin().get(tenant.path("calls?number=anna")).errorFields()).containsExactly("number");
        assertThat(tenant.admin().get(tenant.path("calls/statistics?groupBy=year")).errorFields()).containsExactly("groupBy");
        assertThat(tenant.admin().get(tenant.path("calls/export.csv?userId=x")).errorFields()).containsExactly("userId");
    }

    @Test
    void aUserSeesOnlyTheirOwnCallsABillingViewerTheTenantsAndNothingElseAnotherTenantNothing() {
        Api bobLogin = login(bob, "USER");
        assertThat(dialled(bobLogin, "")).as("made, taken, or paid for by bob").containsExactly("101", "0912345678", "101");
        assertThat(dialled(bobLogin, "number=1234")).as("a number search stays within bob's calls").containsExactly("101", "0912345678");
        Api olgaLogin = login(olga, "USER");
        assertThat(dialled(olgaLogin, "")).as("paid for with olga's code").containsExactly("0912345678");

        Api billing = login(person("bella", "103", Map.of()), "BILLING_VIEWER");
        assertThat(dialled(billing, "")).hasSize(5);
        assertThat(billing.get(tenant.path("calls/statistics")).status()).isEqualTo(200);
        assertThat(billing.get(tenant.path("users")).status()).isEqualTo(403);
        assertThat(billing.get(tenant.path("devices")).status()).isEqualTo(403);
        assertThat(billing.get(tenant.path("directory")).status()).isEqualTo(403);
        assertThat(billing.get(tenant.path("classify?number=0912345678")).status()).isEqualTo(403);

        TenantFixture other = newTenant("VN");
        assertThat(other.admin().get(tenant.path("calls")).status()).isEqualTo(403);
        assertThat(other.admin().get(tenant.path("calls/export.csv")).status()).isEqualTo(403);
        assertThat(other.admin().get(tenant.path("calls/statistics")).status()).isEqualTo(403);
    }

    @Test
    void statisticsCountCallsAnsweredAndTalkTimeByDirectionPerPeriodAndPerPerson() {
        JsonNode month = tenant.admin().get(tenant.path("calls/statistics?groupBy=month&from=2026-11-01&to=2026-12-31")).body();
        assertThat(month.get("timeZone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(month.get("groups")).hasSize(2);
        JsonNode november = month.get("groups").get(0);
        assertThat(november.get("key").asText()).isEqualTo("2026-11-01");
        assertThat(november.get("total").get("calls").asLong()).isEqualTo(4);
        assertThat(november.get("total").get("answered").asLong()).isEqualTo(3);
        assertThat(november.get("total").get("talkSeconds").asLong()).isEqualTo(132);
        assertThat(november.get("total").get("talkMinutes").asDouble()).isEqualTo(2.2);
        assertThat(november.get("byDirection").get("INBOUND").get("calls").asLong()).isEqualTo(2);
        assertThat(november.get("byDirection").get("MOBILE").get("talkSeconds").asLong()).isEqualTo(90);

        JsonNode weeks = tenant.admin().get(tenant.path("calls/statistics?groupBy=week&from=2026-11-01&to=2026-11-30")).body();
        assertThat(weeks.get("groups").findValuesAsText("key")).containsExactly("2026-11-02", "2026-11-09");

        JsonNode users = tenant.admin().get(tenant.path("calls/statistics?groupBy=user&from=2026-11-01&to=2026-12-31")).body();
        Map<String, Long> callsByUser = new HashMap<>();
        users.get("groups").forEach(g -> callsByUser.put(g.get("name").asText(), g.get("total").get("calls").asLong()));
        assertThat(callsByUser).containsOnly(Map.entry("alice", 3L), Map.entry("bob", 2L));

        JsonNode owners = tenant.admin().get(tenant.path("calls/statistics?groupBy=accountCodeOwner&from=2026-11-01&to=2026-12-31"))
                .body();
        assertThat(owners.get("groups")).hasSize(2);
        assertThat(owners.get("groups").get(0).get("key").isNull()).as("calls without a code").isTrue();
        assertThat(owners.get("groups").get(1).get("name").asText()).isEqualTo("olga");

        JsonNode own = login(bob, "USER").get(tenant.path("calls/statistics?groupBy=day&from=2026-11-01&to=2026-12-31")).body();
        assertThat(own.get("total").get("calls").asLong()).as("a user's own calls only").isEqualTo(2);
    }

    @Test
    void theCsvExportIsUtf8WithABomAndKeepsVietnameseAndPolishNames() {
        HttpResponse<byte[]> csv = download(tenant.path("calls/export.csv?direction=INBOUND&sort=startedAt,asc"));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] body = csv.body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("\"Started\",\"Ended\",\"Direction\"");
        assertThat(lines[1]).startsWith("\"2026-11-10 09:00:00\"").contains("\"" + HOA + "\"", ",12,", "\"yes\"");
        assertThat(lines[2]).contains("\"" + LODZ + "\"", "\"NO_ANSWER\"", "\"no\"");
    }

    @Test
    void theXlsxExportIsAWorkbookWhoseCellsHoldTheNamesAndNumbers() throws Exception {
        HttpResponse<byte[]> xlsx = download(tenant.path("calls/export.xlsx?direction=INBOUND&sort=startedAt,asc"));

        assertThat(xlsx.statusCode()).isEqualTo(200);
        Map<String, byte[]> parts = unzip(xlsx.body());
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml");
        for (byte[] part : parts.values()) {
            parse(part);
        }
        NodeList rows = parse(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row");
        assertThat(rows.getLength()).isEqualTo(3);
        List<String> second = cells(rows.item(1));
        assertThat(second).contains(HOA, "12", "INBOUND", "alice");
        assertThat(cells(rows.item(2))).contains(LODZ, "bob");
    }

    private long total(String query) {
        Api.Response page = tenant.admin().get(tenant.path("calls?" + query));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body().get("items")).hasSizeLessThanOrEqualTo((int) page.body().get("totalItems").asLong());
        return page.body().get("totalItems").asLong();
    }

    private List<String> dialled(String query) {
        return dialled(tenant.admin(), query);
    }

    private List<String> dialled(Api api, String query) {
        Api.Response page = api.get(tenant.path("calls?" + query));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body().get("items").findValuesAsText("dialledNumber");
    }

    private Api login(long user, String role) {
        String username = tenant.slug() + "-" + user + "-" + role.toLowerCase();
        Api.Response login = tenant.admin().put(tenant.path("users/" + user + "/login"),
                Map.of("username", username, "password", PASSWORD, "role", role));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return as(username, PASSWORD);
    }

    private HttpResponse<byte[]> download(String path) {
        String basic = Base64.getEncoder().encodeToString((tenant.slug() + "-admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> cells(org.w3c.dom.Node row) {
        List<String> cells = new ArrayList<>();
        NodeList children = row.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            cells.add(children.item(i).getTextContent());
        }
        return cells;
    }

    private long person(String name, String extension, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.put("name", name);
        long user = tenant.create("users", body);
        tenant.create("extensions", Map.of("userId", user, "number", extension));
        tenant.create("devices", Map.of("userId", user, "sipUsername", device(name)));
        return user;
    }

    private String device(String name) {
        return tenant.slug() + "-" + name;
    }

    private String devices() {
        return "pbx~" + tenant.slug() + "~devices";
    }

    private static String id() {
        return "test-" + UUID.randomUUID();
    }
}
