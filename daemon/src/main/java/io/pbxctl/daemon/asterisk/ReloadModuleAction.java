package io.pbxctl.daemon.asterisk;

import java.io.Serial;
import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code Reload} of one module, which Asterisk-Java does not ship: the only way to reload a
 * module built into Asterisk (such as the HTTP server) over AMI, since {@code ModuleLoad} accepts
 * only files of the modules directory.
 */
public final class ReloadModuleAction extends AbstractManagerAction {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String module;

    ReloadModuleAction(String module) {
        this.module = module;
    }

    @Override
    public String getAction() {
        return "Reload";
    }

    public String getModule() {
        return module;
    }
}
