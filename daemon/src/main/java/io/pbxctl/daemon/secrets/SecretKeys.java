package io.pbxctl.daemon.secrets;

import io.pbxctl.daemon.system.PbxProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The server's master key and the two keys derived from it: one encrypts SIP and trunk
 * secrets, the other keys the account-code hash. Deriving both from one key means an operator
 * backs up a single secret; keeping them apart means neither use weakens the other.
 */
@Component
public class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    static final int KEY_BYTES = 32;

    private final byte[] encryptionKey;
    private final byte[] hashKey;

    public SecretKeys(PbxProperties properties) {
        byte[] master = loadMaster(properties.secrets());
        this.encryptionKey = derive(master, "pbxctl secret encryption v1");
        this.hashKey = derive(master, "pbxctl account code hash v1");
    }

    byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    byte[] hashKey() {
        return hashKey.clone();
    }

    /** A new random master key, base64-encoded, as written by {@code admin generate-key}. */
    public static String newMasterKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Writes a new master key readable by its owner only; refuses to overwrite an existing one. */
    public static void writeNewKeyFile(Path file) {
        try {
            if (Files.exists(file)) {
                throw new IllegalStateException("refusing to overwrite the existing key file " + file
                        + ": every stored secret is encrypted with it");
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, newMasterKey() + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file, e);
        }
    }

    private static byte[] loadMaster(PbxProperties.Secrets settings) {
        String encoded = settings.key();
        if (encoded.isBlank()) {
            Path file = settings.keyFile();
            if (file == null) {
                throw new IllegalStateException("no master key: set PBX_SECRETS_KEY or PBX_SECRETS_KEY_FILE");
            }
            if (!Files.exists(file)) {
                if (!settings.generateIfMissing()) {
                    throw new IllegalStateException("the master key file " + file + " does not exist; create it with "
                            + "'java -jar pbxctl-daemon.jar admin generate-key --out " + file + "'");
                }
                writeNewKeyFile(file);
                log.warn("Generated a new master key in {}: back it up, stored secrets cannot be read without it", file);
            }
            try {
                encoded = Files.readString(file, StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key file " + file, e);
            }
        }
        byte[] master;
        try {
            master = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key is not valid base64", e);
        }
        if (master.length != KEY_BYTES) {
            throw new IllegalStateException("the master key must be " + KEY_BYTES + " bytes, base64-encoded; it has " + master.length);
        }
        return master;
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
