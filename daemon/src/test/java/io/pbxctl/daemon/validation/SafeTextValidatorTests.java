package io.pbxctl.daemon.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextValidatorTests {

    @ParameterizedTest
    @ValueSource(strings = {"Nguyễn Thị Hồng Nhung", "Łukasz Żółć", "Phòng họp #1 (tầng 3)", "R&D - 50% team", "O'Brien", "a=b, c:d"})
    void namesInAnyLanguageAreSafe(String text) {
        assertThat(SafeTextValidator.isSafe(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "carriage\rreturn", "semi;colon", "[section]", "open[", "close]", "${SHELL}", "back\\slash",
            "quote\"d", "<sip:x>", "tab\there", "nul\u0000", "line\u2028separator", "para\u2029graph", "zero\u200bwidth", "bell\u0007",
            "#include /etc/passwd", "name #tryinclude x", "#exec rm"})
    void anythingThatCouldBreakAConfigLineIsRefused(String text) {
        assertThat(SafeTextValidator.isSafe(text)).isFalse();
    }
}
