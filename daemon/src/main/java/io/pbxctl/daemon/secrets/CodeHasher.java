package io.pbxctl.daemon.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hash of account codes. A plain hash of a 4 to 12 digit code would be reversed by
 * trying every code; under a key that is not in the database a dump reveals nothing.
 */
@Component
public class CodeHasher {

    private final SecretKeySpec key;

    public CodeHasher(SecretKeys keys) {
        this.key = new SecretKeySpec(keys.hashKey(), "HmacSHA256");
    }

    public String hash(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
