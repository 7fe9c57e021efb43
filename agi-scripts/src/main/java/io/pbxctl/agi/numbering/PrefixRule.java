package io.pbxctl.agi.numbering;

import java.util.Objects;

/**
 * One row of a numbering plan. An area-code rule means LOCAL when it is the tenant's own area
 * code and its direction (normally LONG_DISTANCE) otherwise.
 */
public record PrefixRule(String prefix, Direction direction, boolean areaCode) {

    public PrefixRule {
        Objects.requireNonNull(direction, "direction");
        if (prefix == null || !prefix.matches("[0-9]{1,15}")) {
            throw new IllegalArgumentException("a prefix has 1 to 15 digits: " + prefix);
        }
    }
}
