package io.pbxctl.daemon.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The recording mail speaks the user's language, and English for any other, whatever the JVM's
 * locale; failed sends wait longer each time.
 */
class RecordingMailTextTests {

    private static final RecordingMailText.Call CALL = new RecordingMailText.Call("Anna", "Acme", Instant.parse("2026-11-22T08:00:00Z"),
            3725, RecordingFile.OwnerKind.CALLER, "1763800000.42", ZoneId.of("Europe/Warsaw"));

    @Test
    void vietnamesePolishAndEnglishTexts() {
        assertThat(new RecordingMailText("vi").subject(CALL)).isEqualTo("Bản ghi âm cuộc gọi lúc 2026-11-22 09:00:00 (Europe/Warsaw)");
        assertThat(new RecordingMailText("pl").subject(CALL)).isEqualTo("Nagranie rozmowy z 2026-11-22 09:00:00 (Europe/Warsaw)");
        assertThat(new RecordingMailText("en").subject(CALL)).isEqualTo("Call recording of 2026-11-22 09:00:00 (Europe/Warsaw)");
        assertThat(new RecordingMailText("pl").body(CALL, null, null))
                .contains("Dzień dobry Anna,", "Czas trwania: 1:02:05", "Rozmowa: wychodząca", "1763800000.42", "Nagranie jest w załączniku.");
    }

    @Test
    void aLanguageWithoutTextsGetsEnglishNotTheJvmLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("pl"));
        try {
            assertThat(new RecordingMailText("de").subject(CALL)).startsWith("Call recording of");
            assertThat(new RecordingMailText("en").body(CALL, "http://pbx.example/recordings/download/x", Instant.parse("2026-11-29T08:00:00Z")))
                    .contains("until 2026-11-29 09:00:00 (Europe/Warsaw)", "http://pbx.example/recordings/download/x")
                    .doesNotContain("attached");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Duration minute = Duration.ofMinutes(1);
        Duration hour = Duration.ofHours(1);
        assertThat(RecordingMailer.backoff(minute, hour, 1)).isEqualTo(minute);
        assertThat(RecordingMailer.backoff(minute, hour, 3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(RecordingMailer.backoff(minute, hour, 30)).isEqualTo(hour);
    }
}
