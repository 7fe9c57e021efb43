package io.pbxctl.daemon.config;

import io.pbxctl.daemon.asterisk.ReloadTarget;

/**
 * The files the daemon owns under Asterisk's configuration directory, each rendered from the
 * template at the same relative path under dialplan-templates/asterisk/ (plus ".vm"), and the
 * reload that applies it. The stock files include them with {@code #tryinclude "<dir>/*.conf"}.
 */
public enum GeneratedFile {

    PJSIP("pjsip.d/pbx-generated.conf", ReloadTarget.PJSIP),
    DIALPLAN("extensions.d/pbx-generated.conf", ReloadTarget.DIALPLAN),
    CONFBRIDGE("confbridge.d/pbx-generated.conf", ReloadTarget.CONFBRIDGE),
    HTTP("http.d/pbx-generated.conf", ReloadTarget.HTTP);

    private final String path;
    private final ReloadTarget reload;

    GeneratedFile(String path, ReloadTarget reload) {
        this.path = path;
        this.reload = reload;
    }

    /** Relative to Asterisk's configuration directory. */
    public String path() {
        return path;
    }

    /** Relative to dialplan-templates/ (on the class path) and to the override directory. */
    public String template() {
        return "asterisk/" + path + ".vm";
    }

    public ReloadTarget reload() {
        return reload;
    }
}
