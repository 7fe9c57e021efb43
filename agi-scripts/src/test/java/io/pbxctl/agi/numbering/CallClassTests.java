package io.pbxctl.agi.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallClassTests {

    /** The rights table of DESIGN.md section 2, written out independently of the code. */
    private static final Map<CallClass, Set<Direction>> ALLOWED = new EnumMap<>(Map.of(
            CallClass.INTERNAL, EnumSet.of(Direction.INTERNAL, Direction.EMERGENCY),
            CallClass.LOCAL, EnumSet.of(Direction.INTERNAL, Direction.EMERGENCY, Direction.LOCAL),
            CallClass.NATIONAL, EnumSet.of(Direction.INTERNAL, Direction.EMERGENCY, Direction.LOCAL, Direction.LONG_DISTANCE,
                    Direction.MOBILE, Direction.SPECIAL),
            CallClass.INTERNATIONAL, EnumSet.allOf(Direction.class)));

    @ParameterizedTest
    @EnumSource(CallClass.class)
    void everyClassAllowsExactlyItsDirections(CallClass callClass) {
        for (Direction direction : Direction.values()) {
            assertThat(callClass.includes(direction)).as("%s -> %s", callClass, direction)
                    .isEqualTo(ALLOWED.get(callClass).contains(direction));
        }
    }

    @Test
    void eachClassIncludesEverythingTheClassesBelowAllow() {
        CallClass[] classes = CallClass.values();
        for (int higher = 1; higher < classes.length; higher++) {
            assertThat(ALLOWED.get(classes[higher])).containsAll(ALLOWED.get(classes[higher - 1]));
            for (Direction direction : ALLOWED.get(classes[higher - 1])) {
                assertThat(classes[higher].includes(direction)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CallClass.class)
    void emergencyIsAllowedByEveryClass(CallClass callClass) {
        assertThat(callClass.includes(Direction.EMERGENCY)).isTrue();
    }

    @Test
    void onlyOutboundDirectionsOtherThanEmergencyCanBeClosed() {
        assertThat(EnumSet.allOf(Direction.class).stream().filter(Direction::closable))
                .containsExactlyInAnyOrder(Direction.LOCAL, Direction.LONG_DISTANCE, Direction.MOBILE, Direction.SPECIAL,
                        Direction.INTERNATIONAL);
    }
}
