package io.pbxctl.daemon.config;

/**
 * A model value that may not reach an Asterisk file: the API refuses it, so this means the
 * database was changed behind the API's back (or a rule was tightened). Generation stops and
 * leaves the previous files in place; the message names the offending object for the operator.
 */
public class UnsafeConfigValue extends RuntimeException {

    public UnsafeConfigValue(String object, String field, String problem) {
        super(object + ": " + field + " " + problem);
    }
}
