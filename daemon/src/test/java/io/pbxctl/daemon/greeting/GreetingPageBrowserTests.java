package io.pbxctl.daemon.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.BrowserTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Greeting uploads in Chromium: WAV and MP3 become the 8 kHz mono 16-bit WAV the dialplan plays; anything else is refused. */
class GreetingPageBrowserTests extends BrowserTestSupport {

    @Autowired
    private GreetingProperties settings;
    @TempDir
    private Path dir;

    @Test
    void wavAndMp3UploadsAreConvertedForAsteriskAndOtherFilesAreRefused() throws Exception {
        TenantFixture tenant = newTenant("VN");
        Path wav = cdQualityTone(dir.resolve("chao-mung.wav"));
        Path mp3 = dir.resolve("chao-mung.mp3");
        Process encode = new ProcessBuilder(List.of("sox", wav.toString(), mp3.toString())).inheritIO().start();
        assertThat(encode.waitFor(60, TimeUnit.SECONDS) && encode.exitValue() == 0).as("sox encodes MP3").isTrue();
        Path fake = Files.writeString(dir.resolve("not-audio.wav"), "Xin chào, this is text");
        Path target = settings.dir().resolve(tenant.slug() + ".wav");

        logIn(tenant.slug() + "-admin", PASSWORD, "vi");
        click("nav-greeting");
        assertThat(text("greeting-state")).startsWith("Chưa có lời chào");
        click("greeting-upload");
        assertThat(errorsOf("file")).containsExactly("hãy chọn một tệp WAV hoặc MP3");

        byId("file").sendKeys(fake.toString());
        click("greeting-upload");
        assertThat(errorsOf("file")).containsExactly("không phải tệp WAV hoặc MP3");
        assertThat(target).doesNotExist();
        screenshot("greeting-refused-vi");

        byId("file").sendKeys(wav.toString());
        click("greeting-upload");
        assertThat(text("saved")).startsWith("Đã thay lời chào");
        assertTelephoneWav(target, 1.0f);
        screenshot("greeting-vi");

        Files.delete(target);
        byId("file").sendKeys(mp3.toString());
        click("greeting-upload");
        assertThat(text("saved")).startsWith("Đã thay lời chào");
        assertTelephoneWav(target, 1.0f);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'GREETING_UPLOAD'").param(tenant.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    private static void assertTelephoneWav(Path file, float seconds) throws IOException, UnsupportedAudioFileException {
        AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
        assertThat(format.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(format.getFormat().getSampleRate()).isEqualTo(8000f);
        assertThat(format.getFormat().getChannels()).isEqualTo(1);
        assertThat(format.getFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getFrameLength() / 8000f).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.1f));
    }

    /** One second of a 440 Hz tone, 44.1 kHz stereo: what an office PC records, not what Asterisk plays. */
    private static Path cdQualityTone(Path file) throws IOException {
        AudioFormat format = new AudioFormat(44100f, 16, 2, true, false);
        byte[] samples = new byte[44100 * 4];
        for (int i = 0; i < 44100; i++) {
            short value = (short) (Math.sin(2 * Math.PI * 440 * i / 44100.0) * 8000);
            for (int channel = 0; channel < 2; channel++) {
                samples[i * 4 + channel * 2] = (byte) value;
                samples[i * 4 + channel * 2 + 1] = (byte) (value >> 8);
            }
        }
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, 44100), AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }
}
