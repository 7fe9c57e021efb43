package io.pbxctl.daemon.validation;

/**
 * The patterns of identifiers that become part of Asterisk object names or dial strings,
 * with the message each violation gets. Kept together so that the API and the renderers
 * apply the same rule.
 */
public final class Rules {

    public static final String SLUG = "^[a-z][a-z0-9-]{1,30}$";
    public static final String SLUG_MESSAGE = "must be 2 to 31 lower-case letters, digits or '-', starting with a letter";
    public static final String ALIAS = "^[A-Za-z0-9._-]{3,40}$";
    public static final String ALIAS_MESSAGE = "must be 3 to 40 ASCII letters, digits, '.', '_' or '-'";
    public static final String EXTENSION = "^[0-9]{2,6}$";
    public static final String EXTENSION_MESSAGE = "must be 2 to 6 digits";
    public static final String ROOM = "^[0-9]{4,12}$";
    public static final String ROOM_MESSAGE = "must be 4 to 12 digits";
    public static final String ACCOUNT_CODE = "^[0-9]{4,12}$";
    public static final String ACCOUNT_CODE_MESSAGE = "must be 4 to 12 digits";
    public static final String PHONE_NUMBER = "^[0-9]{3,20}$";
    public static final String PHONE_NUMBER_MESSAGE = "must be 3 to 20 digits, without spaces or '+'";
    public static final String PREFIX = "^[0-9]{1,15}$";
    public static final String PREFIX_MESSAGE = "must be 1 to 15 digits";
    public static final String EMAIL = "^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$";
    public static final String EMAIL_MESSAGE = "must be an e-mail address such as name@example.com";
    public static final String LANGUAGE = "^(vi|en|pl)$";
    public static final String LANGUAGE_MESSAGE = "must be one of vi, en, pl";
    public static final String HOST = "^[A-Za-z0-9.:-]{1,255}$";
    public static final String HOST_MESSAGE = "must be a host name or IP address";
    public static final String CARRIER_USERNAME = "^[A-Za-z0-9._@+-]{1,64}$";
    public static final String CARRIER_USERNAME_MESSAGE = "must be 1 to 64 ASCII letters, digits or . _ @ + -";
    public static final String CARRIER_SECRET = "^[!#%&()*+,./0-9:=?@A-Z^_a-z|~-]{1,128}$";
    public static final String CARRIER_SECRET_MESSAGE =
            "must be 1 to 128 printable ASCII characters without spaces or any of ; [ ] $ { } \\ \" ' < > `";
    public static final String USERNAME = "^[A-Za-z0-9._@-]{3,64}$";
    public static final String USERNAME_MESSAGE = "must be 3 to 64 ASCII letters, digits, '.', '_', '@' or '-'";

    private Rules() {
    }
}
