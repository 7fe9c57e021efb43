package io.pbxctl.daemon.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * Recordings as MixMonitor leaves them, for tests of this and other packages (the history's
 * player): 8 kHz 16-bit mono WAV files in the recordings directory, their markers, and the
 * package-private scan and retention run on them.
 */
public final class RecordingFixtures {

    private RecordingFixtures() {
    }

    /** The directory the daemon scans. */
    public static Path directory(ApplicationContext context) {
        return context.getBean(RecordingProperties.class).directory().toAbsolutePath().normalize();
    }

    /** The dialplan's name of a recording, relative to the directory; {@code owner} is u&lt;user id&gt; or d&lt;device&gt;. */
    public static String name(String slug, String callId, String owner) {
        return "pbx/" + slug + "/2026/11/22/" + callId + "~" + owner + ".wav";
    }

    /** Writes a recording of {@code seconds} of audio (0: header only, an unanswered call), with its marker when finished. */
    public static Path write(Path directory, String relativeName, int seconds, boolean finished) {
        Path file = directory.resolve(relativeName);
        int data = seconds * 16000;
        ByteBuffer wav = ByteBuffer.allocate(RecordingFile.WAV_HEADER_BYTES + data).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(data);
        for (int i = 0; i < data; i++) {
            wav.put((byte) (i % 251));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, wav.array());
            if (finished) {
                Files.createFile(marker(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Makes a finished recording look as if Asterisk closed it at {@code when} (the scan takes the marker's time). */
    public static void finishedAt(Path file, Instant when) {
        try {
            Files.setLastModifiedTime(marker(file), FileTime.from(when));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path marker(Path file) {
        return file.resolveSibling(file.getFileName() + RecordingFile.MARKER_SUFFIX);
    }

    /** Runs the scan job's work; returns how many recordings it registered. */
    public static int scan(ApplicationContext context) {
        try {
            return context.getBean(RecordingScan.class).scan();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the retention job's work; returns how many recordings it deleted. */
    public static int retention(ApplicationContext context) {
        try {
            return context.getBean(RecordingRetention.class).deleteExpired();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
