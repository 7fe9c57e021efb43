package io.pbxctl.daemon.config;

import java.util.List;

/**
 * Everything the generated Asterisk files are made of, read in one consistent snapshot. Every
 * value is checked again as it enters (see {@link Checked}), so a template can print it as it is.
 * Lists are in a stable order so that an unchanged model renders byte for byte the same files.
 */
public record ConfigModel(List<Tenant> tenants) {

    public ConfigModel {
        tenants = List.copyOf(tenants);
    }

    public int userCount() {
        return tenants.stream().mapToInt(t -> t.users().size()).sum();
    }

    /**
     * A tenant: its emergency numbers are dialled without asking the daemon, over
     * {@code emergencyTrunks} (its trunks, those of outbound groups first).
     */
    public record Tenant(String slug, String language, List<String> emergencyNumbers, List<User> users,
                         List<Trunk> trunks, List<Trunk> emergencyTrunks, List<Room> rooms, List<Did> dids) {

        public Tenant {
            String object = "tenant '" + slug + "'";
            Checked.slug(object, slug);
            Checked.language(object, language);
            emergencyNumbers.forEach(n -> Checked.prefix(object + " emergency number", n));
            emergencyNumbers = List.copyOf(emergencyNumbers);
            users = List.copyOf(users);
            trunks = List.copyOf(trunks);
            emergencyTrunks = List.copyOf(emergencyTrunks);
            rooms = List.copyOf(rooms);
            dids = List.copyOf(dids);
        }
    }

    /**
     * A person: devices to ring, extension numbers that ring them, the caller ID name shown on
     * internal calls, and the number an emergency call presents.
     */
    public record User(long id, String name, String recordingMode, String emergencyCallerId,
                       List<String> extensions, List<Device> devices) {

        public User {
            String object = "user " + id;
            Checked.text(object, "name", name);
            if (!List.of("OFF", "INBOUND", "OUTBOUND", "ALL").contains(recordingMode)) {
                throw new UnsafeConfigValue(object, "recording mode", "must be one of OFF, INBOUND, OUTBOUND, ALL");
            }
            Checked.phoneNumber(object, "caller ID", emergencyCallerId);
            extensions.forEach(e -> Checked.extension(object, e));
            extensions = List.copyOf(extensions);
            devices = List.copyOf(devices);
        }

        /** The number internal callers see: the user's first extension, if any. */
        public String callerIdNumber() {
            return extensions.isEmpty() ? "" : extensions.get(0);
        }
    }

    /** One SIP account; its endpoint, auth and aor all take the SIP username. */
    public record Device(String name, String kind, String md5Cred) {

        public Device {
            String object = "device '" + name + "'";
            Checked.alias(object, "SIP username", name);
            if (!List.of("DESK_PHONE", "SOFTPHONE", "WEBRTC").contains(kind)) {
                throw new UnsafeConfigValue(object, "kind", "must be one of DESK_PHONE, SOFTPHONE, WEBRTC");
            }
            Checked.md5(object, md5Cred);
        }
    }

    /** A carrier trunk; {@code endpoint} is its pjsip name, which no device name can take. */
    public record Trunk(String name, String endpoint, String host, int port, String transport, boolean registration,
                        String username, String secret) {

        public Trunk {
            String object = "trunk '" + endpoint + "'";
            Checked.alias(object, "name", name);
            Checked.host(object, host);
            Checked.port(object, port);
            if (!List.of("UDP", "TCP", "TLS").contains(transport)) {
                throw new UnsafeConfigValue(object, "transport", "must be one of UDP, TCP, TLS");
            }
            Checked.carrierUsername(object, username);
            Checked.carrierSecret(object, secret);
            if (registration && (username == null || secret == null)) {
                throw new UnsafeConfigValue(object, "registration", "needs a username and a secret");
            }
        }

        public boolean authenticates() {
            return username != null && secret != null;
        }

        /** The host as SIP URIs take it. */
        public String uriHost() {
            return Checked.uriHost(host);
        }
    }

    public record Room(String number) {

        public Room {
            Checked.room("conference room", number);
        }
    }

    /** An inbound number and where it goes: an extension or a conference room of its tenant. */
    public record Did(String number, boolean directDial, String destinationType, String destination) {

        public Did {
            String object = "inbound number '" + number + "'";
            Checked.phoneNumber(object, "number", number);
            switch (destinationType) {
                case "EXTENSION" -> Checked.extension(object, destination);
                case "CONFERENCE" -> Checked.room(object, destination);
                default -> throw new UnsafeConfigValue(object, "destination type", "must be EXTENSION or CONFERENCE");
            }
        }
    }
}
