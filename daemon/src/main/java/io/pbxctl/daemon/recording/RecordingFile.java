package io.pbxctl.daemon.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording file as the dialplan names it, relative to the recordings directory:
 * {@code pbx/<tenant>/<yyyy>/<mm>/<dd>/<uniqueid>~<owner>.wav}, the owner being {@code u<user id>}
 * (the callee, who records inbound calls) or {@code d<device>} (the calling device, whose user
 * records outbound calls). Names that do not match exactly are not recordings of ours.
 */
record RecordingFile(String relativePath, String tenantSlug, String callId, OwnerKind ownerKind, String owner) {

    enum OwnerKind { CALLER, CALLEE }

    static final String MARKER_SUFFIX = ".done";
    /** A WAV header without samples: what MixMonitor's b option leaves for an unanswered call. */
    static final int WAV_HEADER_BYTES = 44;

    private static final Pattern NAME = Pattern.compile(
            "pbx/([a-z][a-z0-9-]{1,30})/[0-9]{4}/[0-9]{2}/[0-9]{2}/([0-9]{1,20}\\.[0-9]{1,10})~(u([0-9]{1,18})|d([A-Za-z0-9._-]{3,40}))\\.wav");

    static Optional<RecordingFile> parse(String relativePath) {
        Matcher m = NAME.matcher(relativePath);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(4) != null
                ? new RecordingFile(relativePath, m.group(1), m.group(2), OwnerKind.CALLEE, m.group(4))
                : new RecordingFile(relativePath, m.group(1), m.group(2), OwnerKind.CALLER, m.group(5)));
    }

    /** Whole seconds of audio, from the header's byte rate; 0 for a header-only or unreadable file. */
    static int durationSeconds(Path wav) throws IOException {
        long size = Files.size(wav);
        if (size <= WAV_HEADER_BYTES) {
            return 0;
        }
        byte[] header = new byte[WAV_HEADER_BYTES];
        try (InputStream in = Files.newInputStream(wav)) {
            if (in.readNBytes(header, 0, WAV_HEADER_BYTES) < WAV_HEADER_BYTES) {
                return 0;
            }
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            return 0;
        }
        int byteRate = b.getInt(28);
        return byteRate <= 0 ? 0 : (int) ((size - WAV_HEADER_BYTES) / byteRate);
    }
}
