package io.pbxctl.daemon.system;

/** The addressed object does not exist in the addressed tenant: HTTP 404. */
public class NotFound extends RuntimeException {

    public NotFound(String type, long id) {
        super("no " + type + " " + id + " here");
    }

    /** When "no such object" is not the whole story, the reason an administrator can act on. */
    public NotFound(String message) {
        super(message);
    }
}
