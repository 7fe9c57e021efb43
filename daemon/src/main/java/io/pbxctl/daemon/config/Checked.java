package io.pbxctl.daemon.config;

import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeTextValidator;
import java.util.regex.Pattern;

/** The API's rules, applied again to each value as it enters the configuration model. */
final class Checked {

    private static final Pattern SLUG = Pattern.compile(Rules.SLUG);
    private static final Pattern ALIAS = Pattern.compile(Rules.ALIAS);
    private static final Pattern EXTENSION = Pattern.compile(Rules.EXTENSION);
    private static final Pattern ROOM = Pattern.compile(Rules.ROOM);
    private static final Pattern PHONE_NUMBER = Pattern.compile(Rules.PHONE_NUMBER);
    private static final Pattern PREFIX = Pattern.compile(Rules.PREFIX);
    private static final Pattern LANGUAGE = Pattern.compile(Rules.LANGUAGE);
    private static final Pattern HOST = Pattern.compile(Rules.HOST);
    private static final Pattern CARRIER_USERNAME = Pattern.compile(Rules.CARRIER_USERNAME);
    private static final Pattern CARRIER_SECRET = Pattern.compile(Rules.CARRIER_SECRET);
    private static final Pattern MD5_HEX = Pattern.compile("^[0-9a-f]{32}$");

    private Checked() {
    }

    static String slug(String object, String value) {
        return matching(object, "slug", value, SLUG, Rules.SLUG_MESSAGE);
    }

    static String alias(String object, String field, String value) {
        return matching(object, field, value, ALIAS, Rules.ALIAS_MESSAGE);
    }

    static String extension(String object, String value) {
        return matching(object, "extension", value, EXTENSION, Rules.EXTENSION_MESSAGE);
    }

    static String room(String object, String value) {
        return matching(object, "number", value, ROOM, Rules.ROOM_MESSAGE);
    }

    static String phoneNumber(String object, String field, String value) {
        return value == null ? null : matching(object, field, value, PHONE_NUMBER, Rules.PHONE_NUMBER_MESSAGE);
    }

    static String prefix(String object, String value) {
        return matching(object, "prefix", value, PREFIX, Rules.PREFIX_MESSAGE);
    }

    static String language(String object, String value) {
        return matching(object, "language", value, LANGUAGE, Rules.LANGUAGE_MESSAGE);
    }

    static String host(String object, String value) {
        return matching(object, "host", value, HOST, Rules.HOST_MESSAGE);
    }

    /** A checked host as it goes before ":port" or in a SIP URI: an IPv6 literal needs brackets there. */
    static String uriHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    static String carrierUsername(String object, String value) {
        return value == null ? null : matching(object, "username", value, CARRIER_USERNAME, Rules.CARRIER_USERNAME_MESSAGE);
    }

    static String carrierSecret(String object, String value) {
        return value == null ? null : matching(object, "secret", value, CARRIER_SECRET, Rules.CARRIER_SECRET_MESSAGE);
    }

    static String md5(String object, String value) {
        return matching(object, "md5 credential", value, MD5_HEX, "must be 32 lower-case hex digits");
    }

    static String text(String object, String field, String value) {
        if (value != null && !SafeTextValidator.isSafe(value)) {
            throw new UnsafeConfigValue(object, field, "must not contain control characters, line breaks, any of ; [ ] $ { } \\ \" < >, or # before a letter");
        }
        return value;
    }

    static int port(String object, int value) {
        if (value < 1 || value > 65535) {
            throw new UnsafeConfigValue(object, "port", "must be between 1 and 65535");
        }
        return value;
    }

    private static String matching(String object, String field, String value, Pattern pattern, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new UnsafeConfigValue(object, field, message);
        }
        return value;
    }
}
