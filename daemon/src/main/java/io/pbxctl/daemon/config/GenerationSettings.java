package io.pbxctl.daemon.config;

import io.pbxctl.daemon.system.PbxProperties;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The server-wide values the templates use besides the model, checked like model values. TLS
 * and WSS transports exist only when both a certificate and a key are configured.
 */
public record GenerationSettings(String agiUrl, String realm, String publicHost, String bindAddress, int udpPort,
                                 int tcpPort, int tlsPort, int wssPort, String tlsCertificate, String tlsPrivateKey,
                                 long ringSeconds, long outboundRingSeconds) {

    private static final Pattern AGI_URL = Pattern.compile("^h?agi://[A-Za-z0-9.:\\[\\]-]+(:[0-9]{1,5})?$");
    private static final Pattern REALM = Pattern.compile("^[A-Za-z0-9.-]{1,64}$");
    private static final Pattern PATH = Pattern.compile("^/[A-Za-z0-9._/+@=-]{1,255}$");

    public GenerationSettings {
        String object = "setting pbx.asterisk";
        if (!AGI_URL.matcher(agiUrl).matches()) {
            throw new UnsafeConfigValue(object + ".agi-url", "'" + agiUrl + "'", "must look like agi://host:port or hagi://host");
        }
        if (!REALM.matcher(realm).matches()) {
            throw new UnsafeConfigValue(object + ".realm", "'" + realm + "'", "must be 1 to 64 letters, digits, '.' or '-'");
        }
        Checked.host("setting pbx.sip.public-host", publicHost);
        Checked.host("setting pbx.sip.bind-address", bindAddress);
        for (int port : new int[] {udpPort, tcpPort, tlsPort, wssPort}) {
            Checked.port("setting pbx.sip ports", port);
        }
        if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
            throw new UnsafeConfigValue("setting pbx.sip.tls-certificate/tls-private-key", "TLS", "needs both a certificate and a key");
        }
        for (String path : new String[] {tlsCertificate, tlsPrivateKey}) {
            if (path != null && !PATH.matcher(path).matches()) {
                throw new UnsafeConfigValue("setting pbx.sip TLS files", "'" + path + "'",
                        "must be an absolute path of letters, digits and . _ / + @ = -");
            }
        }
    }

    public static GenerationSettings of(PbxProperties properties) {
        PbxProperties.Asterisk asterisk = properties.asterisk();
        PbxProperties.Sip sip = properties.sip();
        String agiUrl = asterisk.agiUrl().isBlank()
                ? "agi://" + reachable(properties.fastagi().address()) + ":" + properties.fastagi().port()
                : asterisk.agiUrl();
        return new GenerationSettings(agiUrl, asterisk.realm(), sip.publicHost(), sip.bindAddress(), sip.udpPort(),
                sip.tcpPort(), sip.tlsPort(), sip.wssPort(), absolute(sip.tlsCertificate()), absolute(sip.tlsPrivateKey()),
                asterisk.ringTime().toSeconds(), asterisk.outboundRingTime().toSeconds());
    }

    public boolean tls() {
        return tlsCertificate != null;
    }

    /** The listening address as the transports' {@code bind} and HTTPS's {@code tlsbindaddr} take it, before ":port". */
    public String bindHost() {
        return Checked.uriHost(bindAddress);
    }

    /** A wildcard listening address is reached over loopback. */
    private static String reachable(String address) {
        if (address.equals("0.0.0.0") || address.equals("::") || address.isBlank()) {
            return "127.0.0.1";
        }
        return Checked.uriHost(address);
    }

    private static String absolute(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize().toString();
    }
}
