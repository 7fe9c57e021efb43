package io.pbxctl.daemon.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only files named exactly as the dialplan names them are taken for recordings. */
class RecordingFileTests {

    @Test
    void onlyTheDialplansNamesAreRecordings() {
        assertThat(RecordingFile.parse("pbx/acme/2026/11/22/1763800000.42~u17.wav")).hasValueSatisfying(f -> {
            assertThat(f.tenantSlug()).isEqualTo("acme");
            assertThat(f.callId()).isEqualTo("1763800000.42");
            assertThat(f.ownerKind()).isEqualTo(RecordingFile.OwnerKind.CALLEE);
            assertThat(f.owner()).isEqualTo("17");
        });
        assertThat(RecordingFile.parse("pbx/acme/2026/11/22/1763800000.42~dacme-alice.desk.wav")).hasValueSatisfying(f -> {
            assertThat(f.ownerKind()).isEqualTo(RecordingFile.OwnerKind.CALLER);
            assertThat(f.owner()).isEqualTo("acme-alice.desk");
        });
        assertThat(RecordingFile.parse("pbx/acme/2026/11/22/1763800000.42.wav")).isEmpty();
        assertThat(RecordingFile.parse("pbx/acme/2026/11/22/../../1763800000.42~u1.wav")).isEmpty();
        assertThat(RecordingFile.parse("pbx/Acme/2026/11/22/1763800000.42~u1.wav")).isEmpty();
        assertThat(RecordingFile.parse("pbx/acme/2026/11/22/1763800000.42~d$(reboot).wav")).isEmpty();
    }
}
