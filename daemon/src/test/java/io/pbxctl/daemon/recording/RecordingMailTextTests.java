package io.pbxctl.daemon.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.numbering.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The recording mail speaks the user's language, and English for any other, whatever the JVM's
 * locale; failed sends wait longer each time.
 */
class RecordingMailTextTests {

    private static final RecordingMailText.Call CALL = new RecordingMailText.Call("Anna", "Acme", Instant.parse("2026-11-22T08:00:00Z"),
            3725, RecordingFile.OwnerKind.CALLER, "1763800000.42", ZoneId.of("Europe/Warsaw"), null);

    @Test
    void vietnamesePolishAndEnglishTexts() {
        assertThat(new RecordingMailText("vi").subject(CALL)).isEqualTo("Bản ghi âm cuộc gọi lúc 2026-11-22 09:00:00 (Europe/Warsaw)");
        assertThat(new RecordingMailText("pl").subject(CALL)).isEqualTo("Nagranie rozmowy z 2026-11-22 09:00:00 (Europe/Warsaw)");
        assertThat(new RecordingMailText("en").subject(CALL)).isEqualTo("Call recording of 2026-11-22 09:00:00 (Europe/Warsaw)");
        assertThat(new RecordingMailText("pl").body(CALL, null, null))
                .contains("Dzień dobry Anna,", "Długość nagrania: 1:02:05", "Rozmowa: wychodząca", "1763800000.42", "Nagranie jest w załączniku.",
                        "Numery i czas tej rozmowy nie były jeszcze w historii połączeń");
    }

    @Test
    void theCallsRecordGivesStartPartiesTypeAndTalkTimeInEachLanguage() {
        RecordingMailText.Call call = new RecordingMailText.Call("Anna", "Acme", Instant.parse("2026-11-22T08:00:05Z"), 60,
                RecordingFile.OwnerKind.CALLEE, "1763800000.43", ZoneId.of("Asia/Ho_Chi_Minh"), new RecordingMailText.Details(
                        Instant.parse("2026-11-22T08:00:00Z"), "0987654321", "Nguyễn Thị Hoà", "100", "Anna", "INBOUND", 62));

        assertThat(new RecordingMailText("en").body(call, null, null)).contains("Start: 2026-11-22 15:00:00 (Asia/Ho_Chi_Minh)",
                "From: 0987654321 (Nguyễn Thị Hoà)", "To: 100 (Anna)", "Type: inbound", "Talk time: 0:01:02", "Recording length: 0:01:00",
                "Call: received by you").doesNotContain("not yet in the call history");
        assertThat(new RecordingMailText("vi").body(call, null, null)).contains("Người gọi: 0987654321 (Nguyễn Thị Hoà)",
                "Người nghe: 100 (Anna)", "Loại cuộc gọi: gọi vào", "Thời gian đàm thoại: 0:01:02");
        assertThat(new RecordingMailText("pl").subject(call)).isEqualTo("Nagranie rozmowy z 2026-11-22 15:00:00 (Asia/Ho_Chi_Minh)");
    }

    @Test
    void everyLanguageHasEveryTextAndEveryDirectionOfTheHistoryAType() throws IOException {
        Properties english = texts("mail/recording.properties");
        for (String language : List.of("vi", "pl")) {
            assertThat(texts("mail/recording_" + language + ".properties").stringPropertyNames()).as(language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
        List<String> directions = new ArrayList<>(List.of("INBOUND", "OTHER"));
        for (Direction direction : Direction.values()) {
            directions.add(direction.name());
        }
        for (String direction : directions) {
            assertThat(english).containsKey("type." + direction);
        }
    }

    private static Properties texts(String resource) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = RecordingMailTextTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void aPartyIsItsNumberAndNameOrWhicheverIsKnown() {
        assertThat(RecordingMailText.party("0912345678", "Łukasz Żółć")).isEqualTo("0912345678 (Łukasz Żółć)");
        assertThat(RecordingMailText.party("0912345678", "")).isEqualTo("0912345678");
        assertThat(RecordingMailText.party("", "Anna")).isEqualTo("Anna");
        assertThat(RecordingMailText.party(null, null)).isEqualTo("-");
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
