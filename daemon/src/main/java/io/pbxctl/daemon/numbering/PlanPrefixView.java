package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Direction;

/** One shipped prefix of a country's plan. */
record PlanPrefixView(String prefix, Direction direction, boolean areaCode, String description) {
}
