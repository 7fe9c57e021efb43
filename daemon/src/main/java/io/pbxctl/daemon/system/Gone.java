package io.pbxctl.daemon.system;

/** The addressed object existed but its content is no longer there (a deleted recording): HTTP 410. */
public class Gone extends RuntimeException {

    public Gone(String message) {
        super(message);
    }
}
