package io.pbxctl.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTests {

    private final ManualClock clock = new ManualClock();
    private final VerifiedPasswords verified = new VerifiedPasswords(Duration.ofMinutes(5), clock);

    @Test
    void aVerifiedPasswordIsRememberedForItsLifetimeOnly() {
        verified.remember("alice", "Secret-Pass-123", "$2a$10$hash");
        assertThat(verified.matches("alice", "Secret-Pass-123", "$2a$10$hash")).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(verified.matches("alice", "Secret-Pass-123", "$2a$10$hash")).isFalse();
    }

    @Test
    void anotherPasswordNameOrStoredHashNeverMatches() {
        verified.remember("alice", "Secret-Pass-123", "$2a$10$hash");
        assertThat(verified.matches("alice", "Secret-Pass-124", "$2a$10$hash")).isFalse();
        assertThat(verified.matches("alicE", "Secret-Pass-123", "$2a$10$hash")).isFalse();
        assertThat(verified.matches("alice", "Secret-Pass-123", "$2a$10$changed")).as("password changed meanwhile").isFalse();
    }

    @Test
    void partsCannotBeShiftedIntoOneAnother() {
        verified.remember("ab", "c", "h");
        assertThat(verified.matches("a", "bc", "h")).isFalse();
    }
}
