package io.pbxctl.daemon.config;

import io.pbxctl.agi.contract.AsteriskNames;
import io.pbxctl.daemon.config.ConfigModel.Device;
import io.pbxctl.daemon.config.ConfigModel.Did;
import io.pbxctl.daemon.config.ConfigModel.Room;
import io.pbxctl.daemon.config.ConfigModel.Tenant;
import io.pbxctl.daemon.config.ConfigModel.Trunk;
import io.pbxctl.daemon.config.ConfigModel.User;
import java.util.List;

/** In-memory models of the golden-file scenarios. */
final class Scenarios {

    static final String MD5 = "0123456789abcdef0123456789abcdef";
    static final List<String> VN_EMERGENCY = List.of("112", "113", "114", "115");
    static final List<String> PL_EMERGENCY = List.of("112", "997", "998", "999");

    private Scenarios() {
    }

    static GenerationSettings settings() {
        return new GenerationSettings("agi://127.0.0.1:4573", "asterisk", "pbx.example.net", "0.0.0.0", 5060, 5060, 5061, 8089,
                null, null, 30, 90);
    }

    static GenerationSettings tlsSettings() {
        return new GenerationSettings("agi://127.0.0.1:4573", "asterisk", "pbx.example.net", "0.0.0.0", 5060, 5060, 5061, 8089,
                "/etc/asterisk/keys/pbx.crt", "/etc/asterisk/keys/pbx.key", 30, 90);
    }

    /** Listening on every IPv6 address, with TLS and WSS. */
    static GenerationSettings ipv6Settings() {
        return new GenerationSettings("agi://[::1]:4573", "asterisk", "pbx.example.net", "::", 5060, 5060, 5061, 8089,
                "/etc/asterisk/keys/pbx.crt", "/etc/asterisk/keys/pbx.key", 30, 90);
    }

    /** A registering trunk whose carrier has an IPv6 address: every URI and bind address takes it in brackets. */
    static ConfigModel ipv6Trunk() {
        Trunk carrier = new Trunk("carrier-v6", AsteriskNames.trunkEndpoint("acme", "carrier-v6"), "2001:db8::10", 5060, "UDP", true, "acme-line",
                "carrier-Secret-1");
        return new ConfigModel(List.of(new Tenant("acme", "en", VN_EMERGENCY,
                List.of(user(1, "Alice", "OFF", List.of("200"), desk("alice-desk"))),
                List.of(carrier), List.of(carrier), List.of(), List.of())));
    }

    static Trunk trunk(String slug, String name, boolean registration) {
        return new Trunk(name, AsteriskNames.trunkEndpoint(slug, name), "192.0.2.10", 5060, "UDP", registration,
                registration ? slug + "-line" : null, registration ? "carrier-Secret-1" : null);
    }

    static User user(long id, String name, String recording, List<String> extensions, Device... devices) {
        return new User(id, name, recording, "842437000" + id, extensions, List.of(devices));
    }

    static Device desk(String name) {
        return new Device(name, "DESK_PHONE", MD5);
    }

    /** One tenant: two users, one with two extensions, a registering trunk, a room, no DID. */
    static ConfigModel oneTenant() {
        return new ConfigModel(List.of(new Tenant("acme", "vi", VN_EMERGENCY,
                List.of(user(1, "Nguyễn Văn An", "OFF", List.of("100", "150"), desk("acme-an-desk")),
                        user(2, "Trần Thị Bình", "ALL", List.of("101"), desk("acme-binh-desk"))),
                List.of(trunk("acme", "viettel", true)), List.of(trunk("acme", "viettel", true)),
                List.of(new Room("5000")), List.of())));
    }

    /** Two tenants using the same extension numbers: each keeps its own contexts. */
    static ConfigModel twoTenants() {
        Tenant acme = new Tenant("acme", "vi", VN_EMERGENCY,
                List.of(user(1, "An", "OFF", List.of("100"), desk("acme-100")), user(2, "Bình", "OFF", List.of("101"), desk("acme-101"))),
                List.of(trunk("acme", "main", false)), List.of(trunk("acme", "main", false)), List.of(), List.of());
        Tenant globex = new Tenant("globex", "pl", PL_EMERGENCY,
                List.of(user(3, "Łukasz Żółw", "INBOUND", List.of("100"), desk("globex-100")),
                        user(4, "Zofia", "OUTBOUND", List.of("101"), desk("globex-101"))),
                List.of(trunk("globex", "orange", true), trunk("globex", "backup", false)),
                List.of(trunk("globex", "orange", true), trunk("globex", "backup", false)), List.of(), List.of());
        return new ConfigModel(List.of(acme, globex));
    }

    /** A user with a desk phone, a softphone and a browser; TLS and WSS configured. */
    static ConfigModel threeDevices() {
        return new ConfigModel(List.of(new Tenant("acme", "en", VN_EMERGENCY,
                List.of(user(1, "Alice", "OFF", List.of("200"), desk("alice-desk"), new Device("alice-soft", "SOFTPHONE", MD5),
                        new Device("alice-web", "WEBRTC", MD5))),
                List.of(), List.of(), List.of(), List.of())));
    }

    /** Rooms with and without PIN look the same in the files: the PIN is checked over FastAGI. */
    static ConfigModel conferences() {
        return new ConfigModel(List.of(new Tenant("acme", "vi", VN_EMERGENCY,
                List.of(user(1, "Host", "OFF", List.of("100"), desk("acme-host"))),
                List.of(), List.of(), List.of(new Room("5000"), new Room("5001")),
                List.of(new Did("842437001000", false, "CONFERENCE", "5000")))));
    }

    /** Inbound numbers: one with the greeting and direct dialling, one straight to an extension. */
    static ConfigModel inboundNumbers() {
        return new ConfigModel(List.of(new Tenant("acme", "vi", VN_EMERGENCY,
                List.of(user(1, "Reception", "OFF", List.of("100"), desk("acme-reception")),
                        user(2, "Sales", "INBOUND", List.of("200"), desk("acme-sales"))),
                List.of(trunk("acme", "viettel", false)), List.of(trunk("acme", "viettel", false)), List.of(),
                List.of(new Did("842437000000", true, "EXTENSION", "100"), new Did("842437000200", false, "EXTENSION", "200")))));
    }
}
