package io.pbxctl.agi.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryTests {

    @ParameterizedTest
    @CsvSource({
            "+84912345678, 0912345678",
            "0084912345678, 0912345678",
            "+840912345678, 0912345678",
            "00840912345678, 0912345678",
            "0912345678, 0912345678",
            "+842437654321, 02437654321",
            "113, 113",
            "+14155550123, 0014155550123",
            "0014155550123, 0014155550123",
            "+48501234567, 0048501234567"})
    void vietnamNormalisesToNationalDiallingForm(String dialled, String expected) {
        assertThat(Country.VN.normalise(dialled)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "+48501234567, 501234567",
            "0048501234567, 501234567",
            "501234567, 501234567",
            "112, 112",
            "+84912345678, 0084912345678",
            "0049301234567, 0049301234567"})
    void polandNormalisesToNationalDiallingForm(String dialled, String expected) {
        assertThat(Country.PL.normalise(dialled)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "12a", "09 123", "++84912", "0912-345", "*97", "123456789012345678901234567890123"})
    void anythingButDigitsAfterAnOptionalPlusIsRefused(String dialled) {
        assertThatThrownBy(() -> Country.VN.normalise(dialled)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+84", "0084"})
    void aBareCountryCodeStaysInternational(String dialled) {
        assertThat(Country.VN.normalise(dialled)).isEqualTo("0084");
    }
}
