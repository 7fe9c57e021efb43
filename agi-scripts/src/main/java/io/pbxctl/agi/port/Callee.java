package io.pbxctl.agi.port;

import java.util.List;

/** The user behind an internal number and how their phones are to be rung. */
public record Callee(long userId, boolean callWaiting, boolean autoAnswer, String recordingMode, List<String> devices) {

    public Callee {
        devices = List.copyOf(devices);
    }
}
