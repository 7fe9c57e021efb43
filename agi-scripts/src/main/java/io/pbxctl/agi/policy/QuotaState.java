package io.pbxctl.agi.policy;

/**
 * What is left of a user's monthly quota for a new call: quota minus used minus what calls in
 * progress have reserved. A user without a quota is not limited; a limited quota may be left
 * unread when the call's reservation, which counts it under the user's lock, decides alone
 * ({@link OutboundDecision#readsQuotaFirst}).
 */
public record QuotaState(boolean limited, Long remainingSeconds) {

    public static QuotaState unlimited() {
        return new QuotaState(false, null);
    }

    public static QuotaState remaining(long seconds) {
        return new QuotaState(true, Math.max(0, seconds));
    }

    /** Limited, but not read: the reservation grants what is left or refuses with QUOTA_EXHAUSTED. */
    public static QuotaState unread() {
        return new QuotaState(true, null);
    }
}
