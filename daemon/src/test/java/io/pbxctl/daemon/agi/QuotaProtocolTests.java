package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Variables;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallScenario.Person;
import io.pbxctl.daemon.agi.FakeAsterisk.Call;
import io.pbxctl.daemon.quota.QuotaPeriod;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Minute reservations and settlements over a real FastAGI socket on MariaDB. */
class QuotaProtocolTests extends ApiTestSupport {

    @Autowired
    private FastAgiServer server;

    private CallScenario scenario;

    @BeforeEach
    void tenant() {
        scenario = new CallScenario(newTenant("VN"), operator, null);
    }

    private Call dial(String callId, Person from) throws IOException {
        return new FakeAsterisk(server.port()).call("outbound", callId, scenario.tenant.slug(), from.device(), "0912345678");
    }

    private Call settle(String callId, long talkSeconds) throws IOException {
        return new FakeAsterisk(server.port()).call("settle", callId, String.valueOf(talkSeconds));
    }

    private long usedSeconds(Person person) {
        return jdbc.sql("SELECT COALESCE(SUM(used_seconds), 0) FROM minute_usage WHERE user_id = ?").param(person.userId())
                .query(Long.class).single();
    }

    /** Usage rows of this tenant whose reserved counter (migration 0038) differs from their reservation rows. */
    private List<String> countersOffTheirRows() {
        return jdbc.sql("""
                        SELECT CONCAT(m.user_id, ' ', m.period_start, ': ', m.reserved_seconds, ' <> ', COALESCE(SUM(r.reserved_seconds), 0))
                        FROM minute_usage m JOIN pbx_user u ON u.id = m.user_id
                        LEFT JOIN quota_reservation r ON r.user_id = m.user_id AND r.period_start = m.period_start
                        WHERE u.tenant_id = ? GROUP BY m.user_id, m.period_start, m.reserved_seconds
                        HAVING m.reserved_seconds <> COALESCE(SUM(r.reserved_seconds), 0)""")
                .param(scenario.tenant.id()).query(String.class).list();
    }

    @Test
    void concurrentCallsRacingForTheLastMinutesNeverTogetherExceedThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                Person racer = scenario.person("Racer" + round, Map.of("monthlyQuotaMinutes", 2));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Call>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String callId = OutboundProtocolTests.callId();
                    calls.add(pool.submit(() -> {
                        start.await();
                        return dial(callId, racer);
                    }));
                }
                start.countDown();
                long allowedMs = 0;
                int allowed = 0;
                for (Future<Call> call : calls) {
                    Call answer = call.get();
                    if ("ALLOWED".equals(answer.get(Variables.RESULT))) {
                        allowed++;
                        allowedMs += Long.parseLong(answer.get(Variables.LIMIT_MS));
                    } else {
                        assertThat(answer.get(Variables.REASON)).isEqualTo("QUOTA_EXHAUSTED");
                    }
                }
                assertThat(allowed).as("one call takes the two minutes left").isEqualTo(1);
                assertThat(allowedMs).isEqualTo(120_000);
                assertThat(countersOffTheirRows()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallIsChargedOnceHoweverOftenItsHangupIsSettled() throws IOException {
        Person payer = scenario.person("Payer", Map.of("monthlyQuotaMinutes", 10));
        String callId = OutboundProtocolTests.callId();
        assertThat(dial(callId, payer).get(Variables.LIMIT_MS)).isEqualTo("600000");

        assertThat(settle(callId, 45).get(Variables.SETTLEMENT)).isEqualTo("CHARGED");
        assertThat(settle(callId, 45).get(Variables.SETTLEMENT)).isEqualTo("ALREADY_SETTLED");

        assertThat(usedSeconds(payer)).isEqualTo(45);
        assertThat(dial(OutboundProtocolTests.callId(), payer).get(Variables.LIMIT_MS))
                .as("the reservation is released: what is left is the quota minus the 45 s used").isEqualTo("555000");
    }

    @Test
    void anUnansweredCallCostsNothingAndFreesItsMinutes() throws IOException {
        Person payer = scenario.person("Payer", Map.of("monthlyQuotaMinutes", 1));
        String callId = OutboundProtocolTests.callId();
        dial(callId, payer);
        assertThat(dial(OutboundProtocolTests.callId(), payer).get(Variables.REASON)).isEqualTo("QUOTA_EXHAUSTED");

        assertThat(settle(callId, 0).get(Variables.SETTLEMENT)).isEqualTo("CHARGED");

        assertThat(usedSeconds(payer)).isZero();
        assertThat(dial(OutboundProtocolTests.callId(), payer).get(Variables.RESULT)).isEqualTo("ALLOWED");
    }

    @Test
    void lessThanTheMinimumLeftIsExhaustedAndTheLimitIsWhatIsLeft() throws IOException {
        Person payer = scenario.person("Payer", Map.of("monthlyQuotaMinutes", 3));
        String first = OutboundProtocolTests.callId();
        dial(first, payer);
        settle(first, 100);
        assertThat(dial(OutboundProtocolTests.callId(), payer).get(Variables.LIMIT_MS)).isEqualTo("80000");

        Person almost = scenario.person("Almost", Map.of("monthlyQuotaMinutes", 2));
        String call = OutboundProtocolTests.callId();
        dial(call, almost);
        settle(call, 61);
        assertThat(dial(OutboundProtocolTests.callId(), almost).get(Variables.REASON))
                .as("59 s left is less than the one-minute minimum").isEqualTo("QUOTA_EXHAUSTED");
    }

    /** The quota is read first for a caller without trunks (OutboundDecision.readsQuotaFirst), so the reason stays the quota's. */
    @Test
    void aCallerWithoutTrunksHearsThatTheQuotaIsUsedUpBeforeHearingThatThereIsNoRoute() throws IOException {
        Map<String, Object> noTrunks = new HashMap<>();
        noTrunks.put("monthlyQuotaMinutes", 2);
        noTrunks.put("outboundGroupId", null);
        Person stranded = scenario.person("Stranded", noTrunks);
        assertThat(dial(OutboundProtocolTests.callId(), stranded).get(Variables.REASON)).isEqualTo("NO_ROUTE");

        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, ?, 120)")
                .params(stranded.userId(), QuotaPeriod.startAt(Instant.now(), ZoneId.of(jdbc.sql("SELECT time_zone FROM tenant WHERE id = ?")
                        .param(scenario.tenant.id()).query(String.class).single()))).update();
        assertThat(dial(OutboundProtocolTests.callId(), stranded).get(Variables.REASON)).isEqualTo("QUOTA_EXHAUSTED");
    }

    @Test
    void aReservationWhoseHangupNeverArrivesExpiresButCanStillBeSettled() throws IOException {
        Person payer = scenario.person("Payer", Map.of("monthlyQuotaMinutes", 5));
        String lost = OutboundProtocolTests.callId();
        dial(lost, payer);
        assertThat(dial(OutboundProtocolTests.callId(), payer).get(Variables.REASON)).isEqualTo("QUOTA_EXHAUSTED");

        jdbc.sql("UPDATE quota_reservation SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE call_id = ?").param(lost).update();
        // As time passing would: the usage row's earliest expiry (migration 0052) was the lost call's.
        jdbc.sql("UPDATE minute_usage SET earliest_expiry = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE user_id = ?")
                .param(payer.userId()).update();

        assertThat(dial(OutboundProtocolTests.callId(), payer).get(Variables.RESULT)).isEqualTo("ALLOWED");
        assertThat(settle(lost, 30).get(Variables.SETTLEMENT)).as("a late hangup still charges its party").isEqualTo("CHARGED");
        assertThat(usedSeconds(payer)).isEqualTo(30);
        assertThat(countersOffTheirRows()).isEmpty();
    }

    @Test
    void concurrentCallsAndHangupsOfOneUserKeepTheReservedCounterEqualToTheirReservations() throws Exception {
        Person busy = scenario.person("Busy", Map.of("monthlyQuotaMinutes", 30));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 24; i++) {
                String callId = OutboundProtocolTests.callId();
                long talk = i % 3 == 0 ? 0 : 7;
                work.add(pool.submit(() -> {
                    start.await();
                    Call call = dial(callId, busy);
                    if ("ALLOWED".equals(call.get(Variables.RESULT))) {
                        settle(callId, talk);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(countersOffTheirRows()).isEmpty();
        assertThat(jdbc.sql("SELECT reserved_seconds FROM minute_usage WHERE user_id = ?").param(busy.userId()).query(Long.class).single())
                .as("every call hung up: nothing is held").isZero();
    }

    @Test
    void concurrentCallsOfUnlimitedUsersAreEachRecordedForTheirSettlement() throws Exception {
        List<Person> people = List.of(scenario.person("Free1"), scenario.person("Free2"), scenario.person("Free3"));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Map<String, Future<Call>> calls = new LinkedHashMap<>();
            for (int i = 0; i < 36; i++) {
                Person from = people.get(i % people.size());
                String callId = OutboundProtocolTests.callId();
                calls.put(callId, pool.submit(() -> {
                    start.await();
                    return dial(callId, from);
                }));
            }
            start.countDown();
            for (Future<Call> call : calls.values()) {
                assertThat(call.get().get(Variables.RESULT)).isEqualTo("ALLOWED");
            }
            for (String callId : calls.keySet()) {
                assertThat(settle(callId, 10).get(Variables.SETTLEMENT)).isEqualTo("CHARGED");
            }
            for (Person person : people) {
                assertThat(usedSeconds(person)).isEqualTo(120);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unlimitedUsersAreCountedTooAndUnknownCallsChargeNothing() throws IOException {
        Person free = scenario.person("Free");
        String callId = OutboundProtocolTests.callId();
        assertThat(dial(callId, free).get(Variables.LIMIT_MS)).isEqualTo("0");

        assertThat(settle(callId, 75).get(Variables.SETTLEMENT)).isEqualTo("CHARGED");
        assertThat(usedSeconds(free)).isEqualTo(75);
        assertThat(settle(OutboundProtocolTests.callId(), 75).get(Variables.SETTLEMENT)).isEqualTo("NOTHING_RESERVED");
        assertThat(settle(callId, -5).get(Variables.REASON)).isEqualTo("INVALID_REQUEST");
    }
}
