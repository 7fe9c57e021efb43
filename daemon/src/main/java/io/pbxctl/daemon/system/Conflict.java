package io.pbxctl.daemon.system;

/** The request clashes with what is stored (a duplicate, an object still in use): HTTP 409. */
public class Conflict extends RuntimeException {

    private final String field;

    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
