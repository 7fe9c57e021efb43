package io.pbxctl.agi.port;

/** The outcome of reserving quota for a call: granted with a limit in seconds (0 = none), or not. */
public record Reservation(boolean granted, long limitSeconds) {

    public static Reservation refused() {
        return new Reservation(false, 0);
    }

    public static Reservation of(long limitSeconds) {
        return new Reservation(true, limitSeconds);
    }
}
