package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberGramsTests {

    @Test
    void everyRunOfFourSearchableCharactersOnce() {
        assertThat(NumberGrams.of("0912345678")).containsExactly("0912", "9123", "1234", "2345", "3456", "4567", "5678");
        assertThat(NumberGrams.of("+84*1#2")).containsExactly("+84*", "84*1", "4*1#", "*1#2");
        assertThat(NumberGrams.of("12121212")).containsExactly("1212", "2121");
    }

    @Test
    void runsStopAtCharactersASearchCannotHold() {
        assertThat(NumberGrams.of("anonymous")).isEmpty();
        assertThat(NumberGrams.of("123")).isEmpty();
        assertThat(NumberGrams.of("")).isEmpty();
        assertThat(NumberGrams.of("sip:1234@host 5678")).containsExactly("1234", "5678");
        assertThat(NumberGrams.of("12a3456")).containsExactly("3456");
        assertThat(NumberGrams.of("０９１２3456")).as("full-width digits are not what a search holds").containsExactly("3456");
        assertThat(NumberGrams.of("\uD83D\uDE00" + "1234")).containsExactly("1234");
    }

    @Test
    void aSearchMayLookUpItsLastFirstOrMiddleRun() {
        assertThat(NumberGrams.choices("4567")).containsExactly("4567");
        assertThat(NumberGrams.choices("45678")).containsExactly("5678", "4567");
        assertThat(NumberGrams.choices("0912345678")).containsExactly("5678", "0912", "2345");
        assertThat(NumberGrams.choices("+8491234567890123456")).containsExactly("3456", "+849", "5678");
    }
}
