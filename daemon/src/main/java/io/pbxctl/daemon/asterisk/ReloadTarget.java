package io.pbxctl.daemon.asterisk;

import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.ModuleLoadAction;

/**
 * What a change of generated configuration needs reloaded, each the narrowest reload that applies
 * its files. Each is an AMI {@code ModuleLoad} with {@code LoadType: reload} of one module rather
 * than the equivalent CLI command through AMI {@code Command}: Asterisk 22 answers {@code Command}
 * with Success even when the reload rejected the file ("Dialplan reloaded." after a parse error),
 * while {@code ModuleLoad} answers Error. The HTTP server is built into Asterisk, and ModuleLoad
 * only takes files of the modules directory, so it is reloaded with the AMI {@code Reload} action
 * (class system or config). Declared in the order a batch applies them: the dialplan last, so that
 * it never routes to an endpoint or conference profile not loaded yet.
 */
public enum ReloadTarget {

    /** http.conf and its includes (the HTTPS server of WSS); same as the CLI {@code module reload http}. */
    HTTP("http"),

    /** pjsip.conf and its includes; same as the CLI {@code module reload res_pjsip.so} (22 has no {@code pjsip reload}). */
    PJSIP("res_pjsip.so"),
    /** confbridge.conf and its includes; same as the CLI {@code module reload app_confbridge.so}. */
    CONFBRIDGE("app_confbridge.so"),
    /** extensions.conf and its includes; same as the CLI {@code dialplan reload}. Calls in progress continue. */
    DIALPLAN("pbx_config.so");

    private final String module;

    ReloadTarget(String module) {
        this.module = module;
    }

    /** The Asterisk module whose reload applies this target's files. */
    public String module() {
        return module;
    }

    /** The AMI action that reloads it. */
    ManagerAction action() {
        return this == HTTP ? new ReloadModuleAction(module) : new ModuleLoadAction(module, ModuleLoadAction.LOAD_TYPE_RELOAD);
    }
}
