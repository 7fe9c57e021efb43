package io.pbxctl.agi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotaGrantTests {

    @ParameterizedTest(name = "quota {0} used {1} reserved {2} minimum {3} cap {4} -> {5}")
    @CsvSource({
            // quota, used, reserved, minimum, cap, granted
            "6000,    0,    0,   60, 0, 6000",   // nothing used: everything
            "6000, 1000,    0,   60, 0, 5000",   // minus what was used
            "6000, 1000, 2000,   60, 0, 3000",   // and minus what calls in progress reserved
            "6000, 5940,    0,   60, 0,   60",   // exactly the minimum left
            "6000, 5941,    0,   60, 0,    0",   // one second short of the minimum
            "6000, 3000, 2941,   60, 0,    0",   // short because of reservations
            "6000, 6000,    0,   60, 0,    0",   // used up
            "6000, 7000,    0,   60, 0,    0",   // over-used (a call ran past its end): never negative
            "6000, 2000, 5000,   60, 0,    0",   // over-reserved
            "   0,    0,    0,   60, 0,    0",   // a zero quota
            "6000, 5999,    0,    0, 0,    1",   // a minimum of 0 still needs one second
            "6000, 6000,    0,    0, 0,    0",
            "6000, 5999,    0,   -5, 0,    1",   // a negative minimum counts as one second
            "6000, 6003,    0,   -5, 0,    0"})
    void grantsWhatIsLeftWhenAtLeastTheMinimumIs(long quota, long used, long reserved, long minimum, long cap,
            long granted) {
        assertThat(QuotaGrant.seconds(quota, used, reserved, minimum, cap)).isEqualTo(granted);
    }

    @ParameterizedTest(name = "left {0} minimum {1} cap {2} -> {3}")
    @CsvSource({
            "6000, 60, 600, 600",  // the cap shares what is left between concurrent calls
            " 300, 60, 600, 300",  // never more than is left
            "6000, 60,  30,  60",  // a cap below the minimum grants the minimum
            "  45, 60, 600,   0",  // the cap does not lower the minimum
            "6000, 60,   0, 6000"}) // 0 = no cap
    void aCapLimitsOneCallsShare(long left, long minimum, long cap, long granted) {
        assertThat(QuotaGrant.seconds(left, 0, 0, minimum, cap)).isEqualTo(granted);
    }

    @Test
    void concurrentCallsTogetherNeverExceedTheQuota() {
        long quota = 1000;
        long reserved = 0;
        for (int call = 0; call < 10; call++) {
            reserved += QuotaGrant.seconds(quota, 100, reserved, 60, 250);
        }
        assertThat(reserved).isEqualTo(900);
        assertThat(QuotaGrant.seconds(quota, 100, reserved, 60, 250)).isZero();
    }
}
