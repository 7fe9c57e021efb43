package io.pbxctl.daemon.system;

/** The caller is authenticated but may not touch this tenant or object: HTTP 403. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
