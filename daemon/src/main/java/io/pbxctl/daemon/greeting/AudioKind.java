package io.pbxctl.daemon.greeting;

import java.util.Optional;

/** What an upload really is, read from its first bytes rather than from its name. */
enum AudioKind {
    WAV("wav"),
    MP3("mp3");

    private final String soxType;

    AudioKind(String soxType) {
        this.soxType = soxType;
    }

    String soxType() {
        return soxType;
    }

    /** RIFF....WAVE for WAV; an ID3 tag or an MPEG audio frame sync for MP3. */
    static Optional<AudioKind> of(byte[] head) {
        if (head.length >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (head.length >= 3 && ascii(head, 0, "ID3")) {
            return Optional.of(MP3);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0) {
            return Optional.of(MP3);
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
