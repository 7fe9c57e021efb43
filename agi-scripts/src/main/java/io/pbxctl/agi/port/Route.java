package io.pbxctl.agi.port;

import java.util.List;

/** A user's outbound group: trunk names in failover order and the caller ID to present. */
public record Route(List<String> trunkNames, String callerIdNumber, String callerIdName) {

    public Route {
        trunkNames = List.copyOf(trunkNames);
    }

    public static Route none() {
        return new Route(List.of(), null, null);
    }

    public boolean isEmpty() {
        return trunkNames.isEmpty();
    }
}
