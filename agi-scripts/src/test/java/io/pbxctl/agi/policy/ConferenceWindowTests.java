package io.pbxctl.agi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConferenceWindowTests {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final ZoneId HO_CHI_MINH = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aRoomWithoutStartIsAlwaysOpen() {
        assertThat(ConferenceWindow.isOpen(null, null, WARSAW, Instant.parse("2024-03-31T01:30:00Z"))).isTrue();
        assertThat(ConferenceWindow.isOpen(null, 30, HO_CHI_MINH, Instant.EPOCH)).isTrue();
    }

    @Test
    void aCallerMayStayTheWholeSecondsLeftRoundedUpAndWithoutLimitInARoomWithoutStart() {
        LocalDateTime start = LocalDateTime.parse("2024-05-10T09:00"); // 02:00Z in Ho Chi Minh City, closes 02:30Z
        assertThat(ConferenceWindow.secondsLeft(start, 30, HO_CHI_MINH, Instant.parse("2024-05-10T02:00:00Z"))).isEqualTo(1800);
        assertThat(ConferenceWindow.secondsLeft(start, 30, HO_CHI_MINH, Instant.parse("2024-05-10T02:29:58.001Z"))).isEqualTo(2);
        assertThat(ConferenceWindow.secondsLeft(start, 30, HO_CHI_MINH, Instant.parse("2024-05-10T02:29:59.999Z"))).isEqualTo(1);
        assertThat(ConferenceWindow.secondsLeft(start, 30, HO_CHI_MINH, Instant.parse("2024-05-10T02:30:00Z"))).isZero();
        assertThat(ConferenceWindow.secondsLeft(null, null, WARSAW, Instant.EPOCH)).as("no start: no limit").isZero();
    }

    @Test
    void opensExactlyAtTheStartAndClosesExactlyAtStartPlusDuration() {
        // 09:00 in Ho Chi Minh City (UTC+7 all year) is 02:00Z.
        LocalDateTime start = LocalDateTime.parse("2024-05-10T09:00");
        assertThat(open(start, 30, HO_CHI_MINH, "2024-05-10T01:59:59.999Z")).isFalse();
        assertThat(open(start, 30, HO_CHI_MINH, "2024-05-10T02:00:00Z")).isTrue();
        assertThat(open(start, 30, HO_CHI_MINH, "2024-05-10T02:29:59.999Z")).isTrue();
        assertThat(open(start, 30, HO_CHI_MINH, "2024-05-10T02:30:00Z")).isFalse();
    }

    @Test
    void theStartIsWallClockTimeInTheTenantsZone() {
        LocalDateTime nine = LocalDateTime.parse("2024-05-10T09:00");
        Instant nineInHanoi = Instant.parse("2024-05-10T02:00:00Z");
        Instant nineInWarsaw = Instant.parse("2024-05-10T07:00:00Z"); // CEST, UTC+2
        assertThat(ConferenceWindow.isOpen(nine, 60, HO_CHI_MINH, nineInHanoi)).isTrue();
        assertThat(ConferenceWindow.isOpen(nine, 60, WARSAW, nineInHanoi)).isFalse();
        assertThat(ConferenceWindow.isOpen(nine, 60, WARSAW, nineInWarsaw)).isTrue();
        assertThat(ConferenceWindow.isOpen(nine, 60, HO_CHI_MINH, nineInWarsaw)).isFalse();
    }

    @Test
    void aStartInsideTheSpringForwardGapMovesForwardByTheGap() {
        // 2024-03-31 in Warsaw: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist; it becomes 03:30 CEST = 01:30Z.
        LocalDateTime inGap = LocalDateTime.parse("2024-03-31T02:30");
        assertThat(open(inGap, 60, WARSAW, "2024-03-31T01:00:00Z")).isFalse(); // 03:00 CEST
        assertThat(open(inGap, 60, WARSAW, "2024-03-31T01:29:59Z")).isFalse();
        assertThat(open(inGap, 60, WARSAW, "2024-03-31T01:30:00Z")).isTrue();  // 03:30 CEST
        assertThat(open(inGap, 60, WARSAW, "2024-03-31T02:29:59Z")).isTrue();
        assertThat(open(inGap, 60, WARSAW, "2024-03-31T02:30:00Z")).isFalse(); // 04:30 CEST
    }

    @Test
    void aWindowAcrossTheSpringForwardGapLastsItsDurationInRealTime() {
        // 01:30 CET = 00:30Z; two hours later is 02:30Z = 04:30 CEST on the wall clock.
        LocalDateTime beforeGap = LocalDateTime.parse("2024-03-31T01:30");
        assertThat(open(beforeGap, 120, WARSAW, "2024-03-31T00:30:00Z")).isTrue();
        assertThat(open(beforeGap, 120, WARSAW, "2024-03-31T02:29:59Z")).isTrue();
        assertThat(open(beforeGap, 120, WARSAW, "2024-03-31T02:30:00Z")).isFalse();
    }

    @Test
    void aWindowAcrossTheAutumnOverlapLastsItsDurationInRealTime() {
        // 2024-10-27 in Warsaw: 03:00 CEST falls back to 02:00 CET. 01:30 CEST = 23:30Z the day before;
        // two hours later is 01:30Z = 02:30 CET, not 03:30 on the wall clock.
        LocalDateTime beforeOverlap = LocalDateTime.parse("2024-10-27T01:30");
        assertThat(open(beforeOverlap, 120, WARSAW, "2024-10-26T23:29:59Z")).isFalse();
        assertThat(open(beforeOverlap, 120, WARSAW, "2024-10-26T23:30:00Z")).isTrue();
        assertThat(open(beforeOverlap, 120, WARSAW, "2024-10-27T01:29:59Z")).isTrue();
        assertThat(open(beforeOverlap, 120, WARSAW, "2024-10-27T01:30:00Z")).isFalse();
        assertThat(open(beforeOverlap, 120, WARSAW, "2024-10-27T02:00:00Z")).isFalse(); // 03:00 CET
    }

    @Test
    void aStartInsideTheAutumnOverlapIsItsFirstOccurrence() {
        // 02:30 happens twice: 02:30 CEST = 00:30Z, then 02:30 CET = 01:30Z.
        LocalDateTime inOverlap = LocalDateTime.parse("2024-10-27T02:30");
        assertThat(open(inOverlap, 30, WARSAW, "2024-10-27T00:29:59Z")).isFalse();
        assertThat(open(inOverlap, 30, WARSAW, "2024-10-27T00:30:00Z")).isTrue();
        assertThat(open(inOverlap, 30, WARSAW, "2024-10-27T00:59:59Z")).isTrue();
        assertThat(open(inOverlap, 30, WARSAW, "2024-10-27T01:00:00Z")).isFalse();
        assertThat(open(inOverlap, 30, WARSAW, "2024-10-27T01:30:00Z")).isFalse();
    }

    @Test
    void aWindowSpansMidnightAndDays() {
        LocalDateTime lateEvening = LocalDateTime.parse("2024-12-31T23:30");
        assertThat(open(lateEvening, 24 * 60, HO_CHI_MINH, "2025-01-01T16:29:59Z")).isTrue();
        assertThat(open(lateEvening, 24 * 60, HO_CHI_MINH, "2025-01-01T16:30:00Z")).isFalse();
    }

    private static boolean open(LocalDateTime start, int minutes, ZoneId zone, String now) {
        return ConferenceWindow.isOpen(start, minutes, zone, Instant.parse(now));
    }
}
