package io.pbxctl.agi.numbering;

/** The four hierarchical outbound rights; each level includes every level before it. */
public enum CallClass {
    INTERNAL,
    LOCAL,
    NATIONAL,
    INTERNATIONAL;

    /** The lowest class that allows calling in the given direction; emergency needs none. */
    public static CallClass requiredFor(Direction direction) {
        return switch (direction) {
            case INTERNAL, EMERGENCY -> INTERNAL;
            case LOCAL -> LOCAL;
            case LONG_DISTANCE, MOBILE, SPECIAL -> NATIONAL;
            case INTERNATIONAL -> INTERNATIONAL;
        };
    }

    public boolean includes(Direction direction) {
        return compareTo(requiredFor(direction)) >= 0;
    }
}
