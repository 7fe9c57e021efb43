package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pbxctl.agi.contract.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each refusal reason tells the caller something of its own, with sounds Asterisk really has. */
class RefusalTests {

    /** Debian's "en" is an absolute symlink through /etc/alternatives, which only resolves inside the chroot. */
    private static final Path SANDBOX_SOUNDS = Path.of("/var/cache/pbxctl/asterisk-chroot/usr/share/asterisk/sounds/en_US_f_Allison");

    @Test
    void everyReasonHasItsOwnAnnouncementSipResponseAndCause() {
        List<Refusal> all = Refusal.all();
        assertThat(all).extracting(Refusal::reason).containsExactly(Reason.values());
        assertThat(all).extracting(Refusal::announcement).doesNotHaveDuplicates();
        assertThat(all).extracting(Refusal::sipCode).doesNotHaveDuplicates().allMatch(code -> code >= 400 && code <= 699);
        assertThat(all).extracting(Refusal::cause).doesNotHaveDuplicates().allMatch(cause -> cause >= 1 && cause <= 127);
    }

    @Test
    void theGeneratedDialplanHasAnExtensionForEveryReason() {
        String dialplan = new TemplateRenderer((Path) null).render(GeneratedFile.DIALPLAN, Scenarios.oneTenant(), Scenarios.settings());
        for (Refusal refusal : Refusal.all()) {
            assertThat(dialplan).contains("exten => " + refusal.reason() + ",1,Set(PBX_REFUSAL_CODE=" + refusal.sipCode() + ")")
                    .contains("Set(PBX_REFUSAL_SOUND=" + refusal.announcement() + ")");
        }
    }

    @Test
    void everyAnnouncementIsAStockSoundOfAsterisk22() {
        assumeTrue(Files.isDirectory(SANDBOX_SOUNDS), "the Asterisk sandbox chroot is not built on this machine");
        for (Refusal refusal : Refusal.all()) {
            for (String sound : refusal.announcement().split("&")) {
                assertThat(SANDBOX_SOUNDS.resolve(sound + ".gsm")).as(refusal.reason().name()).exists();
            }
        }
        assertThat(Arrays.stream(new String[] {"vm-isonphone", "vm-nobodyavail", "vm-enter-num-to-call", "pbx-invalid"}))
                .allMatch(sound -> Files.exists(SANDBOX_SOUNDS.resolve(sound + ".gsm")));
    }
}
