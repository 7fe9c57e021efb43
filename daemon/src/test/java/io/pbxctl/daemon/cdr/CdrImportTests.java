package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

class CdrImportTests extends ApiTestSupport {

    /** 23:30 UTC: already the next day in Hanoi (UTC+7), the tenant's zone. */
    private static final Instant LATE = Instant.parse("2026-11-03T23:30:00Z");

    @Autowired
    private CdrImporter importer;
    @TempDir
    private Path dir;

    private TenantFixture tenant;
    private Path file;
    private long sales;
    private long alice;
    private long bob;
    private long olga;

    @BeforeEach
    void model() {
        tenant = newTenant("VN");
        file = dir.resolve("pbx-cdr.csv");
        sales = tenant.create("departments", Map.of("name", "Sales"));
        alice = person("alice", "100", Map.of("departmentId", sales));
        bob = person("bob", "101", Map.of());
        olga = person("olga", "102", Map.of());
        tenant.create("account-codes", Map.of("userId", olga, "code", "1357", "label", "Olga Projects"));
    }

    @Test
    void eachRecordGetsItsTenantUserDeviceDirectionOwnerAndTalkTime() {
        String outbound = id();
        jdbc.sql("INSERT INTO call_settlement (call_id, user_id, period_start, talk_seconds, settled_at) VALUES (?, ?, ?, 55, NOW())")
                .param(outbound).param(olga).param(LocalDate.parse("2026-11-01")).update();
        CdrLines.append(file, List.of(
                CdrLines.call(id(), LATE, 30).from(device("alice"), "100").to("101", devices(), device("bob")),
                CdrLines.call(outbound, LATE, 60).from(device("alice"), "100").to("0912345678", devices(), null)
                        .set("dstchannel", "PJSIP/trunk~" + tenant.slug() + "~carrier-0000000c").set("accountcode", "Olga Projects")
                        .set("pbx_recording(uservar)", "pbx/" + tenant.slug() + "/2026/11/03/x.wav"),
                CdrLines.call(id(), LATE, 10).from("trunk~" + tenant.slug() + "~carrier", "0987654321")
                        .set("clid", "\"Nguyễn Thị Hoà\" <0987654321>").to("100", "pbx~" + tenant.slug() + "~extensions", device("alice")),
                CdrLines.call(id(), LATE, 0).from(device("bob"), "101").to("113", devices(), null).set("disposition", "FAILED")));

        assertThat(importer.importFile(file)).isEqualTo(4);

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT direction, disposition, user_id, department_id, peer_user_id, account_owner_id, account_label, talk_seconds,
                  caller_name, recording_file, device_id FROM call_record WHERE tenant_id = ? ORDER BY id""")
                .param(tenant.id()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("direction")).containsExactly("INTERNAL", "MOBILE", "INBOUND", "EMERGENCY");
        assertThat(rows).extracting(r -> r.get("user_id")).containsExactly(alice, alice, alice, bob);
        assertThat(rows.get(0)).containsEntry("peer_user_id", bob).containsEntry("department_id", sales).containsEntry("talk_seconds", 30);
        assertThat(rows.get(1)).containsEntry("account_owner_id", olga).containsEntry("account_label", "Olga Projects")
                .as("the settlement's talk time, not billsec").containsEntry("talk_seconds", 55)
                .containsEntry("recording_file", "pbx/" + tenant.slug() + "/2026/11/03/x.wav");
        assertThat(rows.get(2)).containsEntry("caller_name", "Nguyễn Thị Hoà").containsEntry("disposition", "ANSWERED");
        assertThat(rows.get(2).get("device_id")).as("the device that took the call").isNotNull();
        assertThat(rows.get(3)).containsEntry("disposition", "FAILED").containsEntry("talk_seconds", 0);

        assertThat(jdbc.sql("SELECT DISTINCT day FROM call_day_summary WHERE tenant_id = ?").param(tenant.id()).query(LocalDate.class)
                .list()).as("the day in the tenant's time zone").containsExactly(LocalDate.parse("2026-11-04"));
        assertThat(jdbc.sql("SELECT SUM(calls), SUM(answered), SUM(talk_seconds) FROM call_day_summary WHERE tenant_id = ?")
                .param(tenant.id()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(4L, 3L, 95L);
    }

    @Test
    void theImportListsANumberUnderEachRunItsSearchesCanHoldAsMigration0050ListsTheRecordsBeforeIt() {
        String trunk = "trunk~" + tenant.slug() + "~carrier";
        List<String> callers = List.of("0912345678", "anonymous", "*98#12345", "+84912345678", "sip:5550123@carrier",
                "\uFF10\uFF19\uFF11\uFF12" + "3456789", "0912345678", "09123456789");
        CdrLines.append(file, callers.stream()
                .map(caller -> CdrLines.call(id(), LATE, 5).from(trunk, caller).to("100", "pbx~" + tenant.slug() + "~extensions",
                        device("alice")))
                .toList());
        assertThat(importer.importFile(file)).isEqualTo(callers.size());

        List<String> imported = grams();
        assertThat(imported).contains("0912 0912345678", "5678 0912345678", "*98# *98#12345", "+849 +84912345678",
                "5550 sip:5550123@carrier", "0123 sip:5550123@carrier", "3456 \uFF10\uFF19\uFF11\uFF12" + "3456789",
                "3456 09123456789", "0912 09123456789")
                .noneMatch(gram -> gram.contains("anonymous")).noneMatch(gram -> gram.endsWith(" 100"))
                .as("a number once, however often it called").doesNotHaveDuplicates();
        jdbc.sql("DELETE FROM call_number_gram WHERE tenant_id = ?").param(tenant.id()).update();
        jdbc.sql(NumberGramFill.sql()).update();
        assertThat(grams()).as("the migration's SQL lists the same runs as the import's Java").isEqualTo(imported);
        // Both hold 6789, the rarest run of the term; under the columns' collation they are one number.
        Api.Response found = tenant.admin().get(tenant.path("calls?number=23456789"));
        assertThat(found.body().get("items").findValuesAsText("callerNumber"))
                .as("not hidden by the full-width number that the columns' collation holds equal").containsExactly("09123456789");
    }

    private List<String> grams() {
        return jdbc.sql("SELECT CONCAT(gram, ' ', number) FROM call_number_gram WHERE tenant_id = ? ORDER BY gram, number")
                .param(tenant.id()).query(String.class).list();
    }

    @Test
    void aRecordReadTwiceIsStoredAndCountedOnce() {
        String ringGroup = id();
        CdrLines.append(file, List.of(
                CdrLines.call(ringGroup, LATE, 0).from(device("bob"), "101").to("100", devices(), device("alice")),
                CdrLines.call(ringGroup, LATE, 20).from(device("bob"), "101").to("100", devices(), device("alice"))));
        assertThat(importer.importFile(file)).isEqualTo(2);

        jdbc.sql("UPDATE cdr_import_position SET byte_offset = 0 WHERE source = ?").param(file.toString()).update();
        assertThat(importer.importFile(file)).isZero();

        assertThat(count("call_record")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT records, calls, answered, talk_seconds FROM call_day_summary WHERE tenant_id = ?").param(tenant.id())
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single())
                .as("one call that rang two devices, answered on one").containsExactly(2L, 1L, 1L, 20L);
        assertThat(jdbc.sql("SELECT records, calls, answered, talk_seconds FROM call_day_total WHERE tenant_id = ?").param(tenant.id())
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single())
                .as("the day's total of its direction counts the same").containsExactly(2L, 1L, 1L, 20L);
    }

    @Test
    void aRecordStillBeingWrittenIsImportedOnceWhole() {
        String line = CdrLines.call(id(), LATE, 5).from(device("alice"), "100").to("101", devices(), device("bob")).line();
        CdrLines.append(file, line.substring(0, line.length() - 20));
        assertThat(importer.importFile(file)).isZero();

        CdrLines.append(file, line.substring(line.length() - 20));
        assertThat(importer.importFile(file)).isEqualTo(1);
    }

    @Test
    void whileTheImportIsStoppedRecordsWaitInTheFileAndARotatedFileIsReadToItsEnd() throws IOException {
        CdrLines.append(file, List.of(CdrLines.call(id(), LATE, 1).from(device("alice"), "100").to("101", devices(), device("bob"))));
        assertThat(importer.importFile(file)).isEqualTo(1);

        CdrLines.append(file, List.of(CdrLines.call(id(), LATE, 2).from(device("alice"), "100").to("101", devices(), device("bob"))));
        Files.move(file, dir.resolve("pbx-cdr.csv.1"));
        CdrLines.append(file, List.of(CdrLines.call(id(), LATE, 3).from(device("bob"), "101").to("100", devices(), device("alice"))));

        assertThat(importer.importFile(file)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT talk_seconds FROM call_record WHERE tenant_id = ? ORDER BY id").param(tenant.id()).query(Integer.class)
                .list()).containsExactly(1, 2, 3);
        assertThat(importer.importFile(file)).isZero();
    }

    @Test
    void anImportTheDatabaseRefusesHalfWayStoresNothingAndTheNextStoresEverythingOnce() {
        CdrLines.append(file, List.of(
                CdrLines.call(id(), LATE, 1).from(device("alice"), "100").to("101", devices(), device("bob")),
                CdrLines.call(id(), LATE, 2).from(device("bob"), "101").to("100", devices(), device("alice"))));
        jdbc.sql("RENAME TABLE call_day_summary TO call_day_summary_away").update();
        try {
            assertThatThrownBy(() -> importer.importFile(file)).isInstanceOf(DataAccessException.class);
        } finally {
            jdbc.sql("RENAME TABLE call_day_summary_away TO call_day_summary").update();
        }
        assertThat(count("call_record")).as("rolled back with the summary").isZero();

        assertThat(importer.importFile(file)).isEqualTo(2);
        assertThat(count("call_record")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT SUM(calls) FROM call_day_summary WHERE tenant_id = ?").param(tenant.id()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aRecordOfNoTenantOrOfAnotherShapeIsSkippedAndTheRestImported() {
        CdrLines.append(file, "\"only\",\"three\",\"fields\"\n");
        CdrLines.append(file, List.of(
                CdrLines.call(id(), LATE, 1).from("someone-else", "1").to("2", "default", null),
                CdrLines.call(id(), LATE, 1).from(device("alice"), "100").to("101", devices(), device("bob"))));

        assertThat(importer.importFile(file)).isEqualTo(1);
        assertThat(count("call_record")).isEqualTo(1);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?").param(tenant.id()).query(Long.class).single();
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
        return "test-" + UUID.randomUUID() + "." + System.nanoTime() % 1000;
    }
}
