package io.pbxctl.agi.policy;

/**
 * What is left of a user's monthly quota for a new call: quota minus used minus what calls in
 * progress have reserved. Null seconds means the user has no quota.
 */
public record QuotaState(Long remainingSeconds) {

    public static QuotaState unlimited() {
        return new QuotaState(null);
    }

    public static QuotaState remaining(long seconds) {
        return new QuotaState(Math.max(0, seconds));
    }

    public boolean limited() {
        return remainingSeconds != null;
    }
}
