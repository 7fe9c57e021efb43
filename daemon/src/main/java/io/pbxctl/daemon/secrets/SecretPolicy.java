package io.pbxctl.daemon.secrets;

import io.pbxctl.daemon.system.FieldProblem;
import java.security.SecureRandom;
import java.util.Optional;

/** Generates strong secrets and judges the ones an administrator chooses. */
public final class SecretPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int GENERATED_LENGTH = 24;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final String ALLOWED_SYMBOLS = "!#%&()*+,-./:=?@^_~";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretPolicy() {
    }

    /** 24 characters from 57 unambiguous letters and digits: about 140 bits. */
    public static String generate() {
        return digitsOrLetters(ALPHABET, GENERATED_LENGTH);
    }

    public static String generateDigits(int length) {
        return digitsOrLetters("0123456789", length);
    }

    /**
     * Why a chosen secret is too weak, or empty when it is acceptable: at least 12 characters
     * of letters, digits and {@value #ALLOWED_SYMBOLS}, three of the four character kinds, and
     * not containing the username.
     */
    public static Optional<String> weakness(String secret, String username) {
        if (secret.length() < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (secret.length() > 128) {
            return Optional.of("must have at most 128 characters");
        }
        for (char c : secret.toCharArray()) {
            if (!(c < 128 && Character.isLetterOrDigit(c)) && ALLOWED_SYMBOLS.indexOf(c) < 0) {
                return Optional.of("may contain only ASCII letters, digits and " + ALLOWED_SYMBOLS);
            }
        }
        int kinds = (secret.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (secret.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (secret.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (secret.chars().anyMatch(c -> ALLOWED_SYMBOLS.indexOf(c) >= 0) ? 1 : 0);
        if (kinds < 3) {
            return Optional.of("must mix at least three of: upper-case letters, lower-case letters, digits, symbols");
        }
        if (username != null && username.length() >= 3 && secret.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("must not contain the username");
        }
        return Optional.empty();
    }

    /** Refuses a weak chosen secret as bad input of the named field. */
    public static void requireStrong(String field, String secret, String username) {
        weakness(secret, username).ifPresent(reason -> {
            throw new FieldProblem(field, "Strength", reason);
        });
    }

    private static String digitsOrLetters(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
