package io.pbxctl.daemon.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The monthly quota period: it starts at 00:00 on the 1st in the tenant's time zone. */
public final class QuotaPeriod {

    private QuotaPeriod() {
    }

    public static LocalDate startAt(Instant moment, ZoneId zone) {
        return LocalDate.ofInstant(moment, zone).withDayOfMonth(1);
    }

    /** Remaining seconds of a quota, never negative; null when there is no quota. */
    public static Long remainingSeconds(Integer monthlyMinutes, long usedSeconds) {
        return monthlyMinutes == null ? null : Math.max(0, monthlyMinutes * 60L - usedSeconds);
    }
}
