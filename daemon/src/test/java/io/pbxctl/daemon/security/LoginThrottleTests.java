package io.pbxctl.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ManualClock;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new PbxProperties.Logins(5, 50, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(5)), clock);

    @Test
    void theFifthFailureInTheWindowLocksTheKeyOutForTheLockoutPeriod() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.recordFailure("user:a", 5)).isFalse();
            assertThat(throttle.lockedFor("user:a")).isEmpty();
        }
        assertThat(throttle.recordFailure("user:a", 5)).isTrue();
        assertThat(throttle.lockedFor("user:a")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("user:a")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("user:a")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("user:b", 5);
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.recordFailure("user:b", 5)).isFalse();
        assertThat(throttle.lockedFor("user:b")).isEmpty();
    }

    @Test
    void successClearsTheCountAndKeysAreIndependent() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("user:c", 5);
        }
        throttle.recordSuccess("user:c");
        assertThat(throttle.recordFailure("user:c", 5)).isFalse();
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user:d", 5);
        }
        assertThat(throttle.lockedFor("user:d")).isPresent();
        assertThat(throttle.lockedFor("user:c")).isEmpty();
    }

    @Test
    void theLimitIsChosenPerKey() {
        for (int i = 0; i < 49; i++) {
            assertThat(throttle.recordFailure("address:10.0.0.1", 50)).isFalse();
        }
        assertThat(throttle.recordFailure("address:10.0.0.1", 50)).isTrue();
    }
}
