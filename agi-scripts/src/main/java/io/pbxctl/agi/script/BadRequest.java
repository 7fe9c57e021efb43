package io.pbxctl.agi.script;

/** An argument or environment value that is missing or malformed: refused, never an error. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
