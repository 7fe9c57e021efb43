package io.pbxctl.agi.policy;

/**
 * How many seconds a new call may reserve of a limited monthly quota. The daemon applies this
 * rule in the database, under the user's row lock ({@code reserve_quota}, migration 0024);
 * its tests check that the procedure agrees with this class.
 */
public final class QuotaGrant {

    private QuotaGrant() {
    }

    /**
     * What is left after the used seconds and the reservations of calls in progress, when at
     * least the minimum is left; 0 when not. {@code maximumSeconds} caps one call's share so
     * that concurrent calls are possible (0 = no cap: a call may take everything left).
     */
    public static long seconds(long quotaSeconds, long usedSeconds, long reservedSeconds, long minimumSeconds,
            long maximumSeconds) {
        long left = quotaSeconds - usedSeconds - reservedSeconds;
        if (left < Math.max(1, minimumSeconds)) {
            return 0;
        }
        return maximumSeconds > 0 ? Math.min(left, Math.max(maximumSeconds, minimumSeconds)) : left;
    }
}
