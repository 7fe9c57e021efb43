package io.pbxctl.agi.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberingPlanTests {

    private static final List<PrefixRule> VN = List.of(
            new PrefixRule("0", Direction.LONG_DISTANCE, false),
            new PrefixRule("00", Direction.INTERNATIONAL, false),
            new PrefixRule("09", Direction.MOBILE, false),
            new PrefixRule("024", Direction.LONG_DISTANCE, true),
            new PrefixRule("028", Direction.LONG_DISTANCE, true),
            new PrefixRule("1", Direction.SPECIAL, false),
            new PrefixRule("113", Direction.EMERGENCY, false),
            new PrefixRule("1900", Direction.SPECIAL, false));

    private final NumberingPlan hanoi = new NumberingPlan(Country.VN, "024", VN, List.of());

    @ParameterizedTest
    @CsvSource({
            "0912345678, MOBILE, 09",
            "+84912345678, MOBILE, 09",
            "0084912345678, MOBILE, 09",
            "02437654321, LOCAL, 024",
            "+842437654321, LOCAL, 024",
            "02836221234, LONG_DISTANCE, 028",
            "113, EMERGENCY, 113",
            "1131, EMERGENCY, 113",
            "19001234, SPECIAL, 1900",
            "0711234567, LONG_DISTANCE, 0",
            "+14155550123, INTERNATIONAL, 00"})
    void longestPrefixDecidesAfterNormalising(String dialled, Direction direction, String prefix) {
        NumberingPlan.Classification result = hanoi.classify(dialled).orElseThrow();
        assertThat(result.direction()).isEqualTo(direction);
        assertThat(result.matchedPrefix()).isEqualTo(prefix);
    }

    @Test
    void anAreaCodeIsLocalOnlyForTheTenantsOwnArea() {
        NumberingPlan saigon = new NumberingPlan(Country.VN, "028", VN, List.of());
        assertThat(saigon.classify("02437654321").orElseThrow().direction()).isEqualTo(Direction.LONG_DISTANCE);
        assertThat(saigon.classify("02836221234").orElseThrow().direction()).isEqualTo(Direction.LOCAL);
        NumberingPlan noArea = new NumberingPlan(Country.VN, null, VN, List.of());
        assertThat(noArea.classify("02437654321").orElseThrow().direction()).isEqualTo(Direction.LONG_DISTANCE);
    }

    @Test
    void aTenantPrefixWinsAtEqualLengthAndALongerOneWinsAnyway() {
        NumberingPlan custom = new NumberingPlan(Country.VN, "024", VN, List.of(
                new PrefixRule("1900", Direction.INTERNATIONAL, false),
                new PrefixRule("0912", Direction.INTERNAL, false)));
        assertThat(custom.classify("19001234").orElseThrow().direction()).isEqualTo(Direction.INTERNATIONAL);
        assertThat(custom.classify("0912345678").orElseThrow().direction()).isEqualTo(Direction.INTERNAL);
        assertThat(custom.classify("0913345678").orElseThrow().direction()).isEqualTo(Direction.MOBILE);
    }

    @Test
    void aNumberNoPrefixMatchesHasNoDirection() {
        NumberingPlan poland = new NumberingPlan(Country.PL, "22", List.of(new PrefixRule("112", Direction.EMERGENCY, false)), List.of());
        assertThat(poland.classify("501234567")).isEmpty();
        assertThat(poland.classify("112")).isPresent();
    }

    @Test
    void theNormalisedFormIsReported() {
        assertThat(hanoi.classify("+84912345678").orElseThrow().normalised()).isEqualTo("0912345678");
    }
}
