package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.agi.Utc;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The writes of an imported record: the record itself, its share of the daily summary, and its numbers for searches. */
final class CallRecords {

    private CallRecords() {
    }

    /** Stores the record unless one with its (uniqueid, sequence) is stored already; returns 1 when stored, 0 otherwise. */
    static int insert(JdbcClient jdbc, CallRow row) {
        RawCdr cdr = row.cdr();
        return jdbc.sql("""
                INSERT IGNORE INTO call_record (tenant_id, uniqueid, linkedid, sequence, started_at, answered_at, ended_at,
                  duration_seconds, talk_seconds, direction, disposition, user_id, department_id, device_id, peer_user_id,
                  account_owner_id, account_label, caller_number, caller_name, dialled_number, channel, peer_channel,
                  recording_file, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(row.tenantId()).param(cdr.uniqueid()).param(cdr.linkedid()).param(cdr.sequence())
                .param(Utc.of(row.start())).param(utc(cdr.answer())).param(Utc.of(cdr.end() != null ? cdr.end() : row.start()))
                .param(cdr.duration()).param(row.talkSeconds()).param(row.direction()).param(row.disposition())
                .param(row.userId()).param(row.departmentId()).param(row.deviceId()).param(row.peerUserId())
                .param(row.accountOwnerId()).param(cdr.accountcode().isEmpty() ? null : cut(cdr.accountcode(), 100))
                .param(cut(cdr.src(), 80)).param(cut(row.callerName(), 80)).param(cut(cdr.dst(), 80))
                .param(cut(cdr.channel(), 150)).param(cut(cdr.dstchannel(), 150))
                .param(cdr.recording().isEmpty() ? null : cut(cdr.recording(), 255)).param(Utc.of(Instant.now()))
                .update();
    }

    /**
     * Adds a stored record to its day's summary and to the day's total of its direction. A call
     * that rang several devices has a record per device: each counts as a record, only the first
     * as a call, each answered one as answered.
     */
    static void count(JdbcClient jdbc, CallRow row, boolean firstLeg) {
        boolean answered = row.disposition().equals("ANSWERED");
        jdbc.sql("""
                INSERT INTO call_day_total (tenant_id, day, direction, records, calls, answered, talk_seconds)
                VALUES (?, ?, ?, 1, ?, ?, ?)
                ON DUPLICATE KEY UPDATE records = records + 1, calls = calls + VALUES(calls), answered = answered + VALUES(answered),
                  talk_seconds = talk_seconds + VALUES(talk_seconds)""")
                .param(row.tenantId()).param(Date.valueOf(row.day())).param(row.direction()).param(firstLeg ? 1 : 0)
                .param(answered ? 1 : 0).param(row.talkSeconds())
                .update();
        jdbc.sql("""
                INSERT INTO call_day_summary (tenant_id, day, user_id, department_id, account_owner_id, direction, records, calls,
                  answered, talk_seconds)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                ON DUPLICATE KEY UPDATE records = records + 1, calls = calls + VALUES(calls), answered = answered + VALUES(answered),
                  talk_seconds = talk_seconds + VALUES(talk_seconds)""")
                .param(row.tenantId()).param(Date.valueOf(row.day())).param(orZero(row.userId())).param(orZero(row.departmentId()))
                .param(orZero(row.accountOwnerId())).param(row.direction()).param(firstLeg ? 1 : 0).param(answered ? 1 : 0)
                .param(row.talkSeconds())
                .update();
    }

    /**
     * Lists the stored record's caller and dialled numbers in call_number_gram under each of
     * their runs that a number search can look up; runs listed already are left as they are.
     */
    static void listNumbers(JdbcClient jdbc, CallRow row) {
        List<Object> params = new ArrayList<>();
        for (String number : new LinkedHashSet<>(List.of(cut(row.cdr().src(), 80), cut(row.cdr().dst(), 80)))) {
            NumberGrams.of(number).forEach(gram -> params.addAll(List.of(row.tenantId(), gram, number)));
        }
        if (!params.isEmpty()) {
            jdbc.sql("INSERT IGNORE INTO call_number_gram (tenant_id, gram, number) VALUES "
                    + String.join(", ", Collections.nCopies(params.size() / 3, "(?, ?, ?)"))).params(params).update();
        }
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : Utc.of(instant);
    }

    /** Asterisk's fields have no length limit; the columns do, and a cut caller name is better than a lost record. */
    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
