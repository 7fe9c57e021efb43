package io.pbxctl.agi.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.junit.jupiter.api.Test;

class SetVariableTests {

    private static void assertSameLine(String variable, String value) {
        assertEquals(new SetVariableCommand(variable, value).buildCommand(), new SetVariable(variable, value).buildCommand(),
                () -> "variable " + variable + ", value " + value);
    }

    @Test
    void quotesAsTheLibraryDoes() {
        List<String> values = new ArrayList<>(List.of("", "ALLOWED", "PJSIP/0912345678@trunk~bench-vn~bench-a", "Nguyễn Văn A",
                "a\\b", "\\", "\\\\", "\"", "say \"hi\"", "\\\"", "line\nfeed", "\n", "\r\n", "tab\there", "$", "${EVIL}", " ", "\ud83d\ude00"));
        values.add(null);
        for (String value : values) {
            assertSameLine("PBX_RESULT", value);
            assertSameLine(value, "x");
        }
    }

    @Test
    void quotesAnyMixOfTheSpecialCharactersAsTheLibraryDoes() {
        // A surrogate pair's halves too, together and alone.
        char[] alphabet = {'a', '\\', '"', '\n', '\r', ' ', 'ä', '\u20ac', '$', '{', '\ud83d', '\ude00'};
        Random random = new Random(4);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                value.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSameLine("V" + i, value.toString());
        }
    }
}
