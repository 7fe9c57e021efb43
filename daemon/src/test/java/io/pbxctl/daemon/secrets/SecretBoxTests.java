package io.pbxctl.daemon.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pbxctl.daemon.system.PbxProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

    static SecretKeys keys(String base64) {
        return new SecretKeys(properties(new PbxProperties.Secrets(base64, null, false)));
    }

    static PbxProperties properties(PbxProperties.Secrets secrets) {
        return new PbxProperties(Path.of("data"), false, new PbxProperties.Database("", "pbx", "", 0, Duration.ofSeconds(120)), secrets,
                new PbxProperties.Sip("127.0.0.1", 5060, 8089, "0.0.0.0", 5060, 5061, null, null),
                new PbxProperties.Logins(5, 50, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(5)), null, null, null,
                null);
    }

    private final SecretBox box = new SecretBox(keys(SecretKeys.newMasterKey()));

    @Test
    void sealedSecretsOpenAgainAndNeverShowTheSecret() {
        String sealed = box.seal("Sip-Secret-123");
        assertThat(sealed).startsWith("v1:").doesNotContain("Sip-Secret-123");
        assertThat(box.open(sealed)).isEqualTo("Sip-Secret-123");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
    }

    @Test
    void anotherKeyOrAnAlteredValueCannotOpen() {
        String sealed = box.seal("Sip-Secret-123");
        SecretBox other = new SecretBox(keys(SecretKeys.newMasterKey()));
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open("v1:" + Base64.getEncoder().encodeToString(raw))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theHashKeyAndTheEncryptionKeyDiffer() {
        SecretKeys keys = keys(SecretKeys.newMasterKey());
        assertThat(keys.hashKey()).isNotEqualTo(keys.encryptionKey());
    }

    @Test
    void aMasterKeyOfTheWrongSizeIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> keys(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> keys("not base64!")).hasMessageContaining("base64");
    }

    @Test
    void aMissingKeyFileIsGeneratedOnlyWhenAllowed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.key");
        assertThatThrownBy(() -> new SecretKeys(properties(new PbxProperties.Secrets("", file, false))))
                .hasMessageContaining("admin generate-key");
        SecretKeys generated = new SecretKeys(properties(new PbxProperties.Secrets("", file, true)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretKeys reread = new SecretKeys(properties(new PbxProperties.Secrets("", file, false)));
        assertThat(reread.encryptionKey()).isEqualTo(generated.encryptionKey());
    }

    @Test
    void anExistingKeyFileIsNeverOverwritten(@TempDir Path dir) {
        Path file = dir.resolve("secret.key");
        SecretKeys.writeNewKeyFile(file);
        assertThatThrownBy(() -> SecretKeys.writeNewKeyFile(file)).hasMessageContaining("refusing to overwrite");
    }

    @Test
    void codeHashesAreKeyed() {
        String master = SecretKeys.newMasterKey();
        CodeHasher one = new CodeHasher(keys(master));
        CodeHasher same = new CodeHasher(keys(master));
        CodeHasher other = new CodeHasher(keys(SecretKeys.newMasterKey()));
        assertThat(one.hash("12345678")).hasSize(64).isEqualTo(same.hash("12345678")).isNotEqualTo(other.hash("12345678"));
        assertThat(one.hash("12345678")).isNotEqualTo(one.hash("12345679"));
    }
}
