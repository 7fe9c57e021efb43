package io.pbxctl.daemon.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretPolicyTests {

    @Test
    void generatedSecretsAreLongUniqueAndPassThePolicy() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String secret = SecretPolicy.generate();
            assertThat(secret).hasSize(24).matches("[A-Za-z0-9]+");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void generatedDigitsAreDigits() {
        assertThat(SecretPolicy.generateDigits(8)).matches("[0-9]{8}");
    }

    @ParameterizedTest
    @CsvSource({
            "Short1!, must have at least 12",
            "alllowercaseletters, three of",
            "ALLUPPER12345, three of",
            "Spaces are bad 1, only ASCII",
            "Semi;colon-Pass1, only ASCII",
            "Mật-khẩu-2026-dài, only ASCII",
            "Xalice-desk-2026, must not contain the username"})
    void weakSecretsAreRefusedWithTheReason(String secret, String reason) {
        assertThat(SecretPolicy.weakness(secret, "alice-desk")).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Correct-Horse-9", "abcdefGHIJ12", "x7#Kd9!mQ2@p"})
    void strongSecretsPass(String secret) {
        assertThat(SecretPolicy.weakness(secret, "alice-desk")).isEmpty();
    }
}
