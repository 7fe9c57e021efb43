package io.pbxctl.agi.numbering;

import java.util.regex.Pattern;

/**
 * How numbers are written in a country whose plan ships with the product: the country code
 * and the national trunk prefix that precedes national numbers (Vietnam "0", Poland none).
 */
public enum Country {
    VN("84", "0"),
    PL("48", "");

    static final String INTERNATIONAL_PREFIX = "00";
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,32}");

    private final String countryCode;
    private final String trunkPrefix;

    Country(String countryCode, String trunkPrefix) {
        this.countryCode = countryCode;
        this.trunkPrefix = trunkPrefix;
    }

    public String countryCode() {
        return countryCode;
    }

    /**
     * Brings +CC..., 00CC... and national forms to the national dialling form the plans are
     * written in; other countries' numbers become 00 followed by their country code.
     *
     * @throws IllegalArgumentException when the number has anything but digits and one leading +
     */
    public String normalise(String dialled) {
        if (dialled == null || !NUMBER.matcher(dialled).matches()) {
            throw new IllegalArgumentException("a number has digits only, optionally after one leading +");
        }
        String international = dialled.startsWith("+")
                ? dialled.substring(1)
                : dialled.startsWith(INTERNATIONAL_PREFIX) ? dialled.substring(INTERNATIONAL_PREFIX.length()) : null;
        if (international == null) {
            return dialled;
        }
        if (international.startsWith(countryCode) && international.length() > countryCode.length()) {
            String national = international.substring(countryCode.length());
            // "+84 (0)912..." is a common way of writing numbers: the trunk prefix must not be doubled.
            return !trunkPrefix.isEmpty() && national.startsWith(trunkPrefix) ? national : trunkPrefix + national;
        }
        return INTERNATIONAL_PREFIX + international;
    }
}
