package io.pbxctl.daemon.asterisk;

import java.io.Serial;
import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code DialplanExtensionRemove} (pbx_config), which Asterisk-Java does not ship. Without a
 * priority Asterisk removes every priority of the extension, its hint included.
 */
public final class DialplanExtensionRemoveAction extends AbstractManagerAction {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String context;
    private final String extension;
    private final String priority;

    DialplanExtensionRemoveAction(String context, String extension, String priority) {
        this.context = context;
        this.extension = extension;
        this.priority = priority;
    }

    @Override
    public String getAction() {
        return "DialplanExtensionRemove";
    }

    public String getContext() {
        return context;
    }

    public String getExtension() {
        return extension;
    }

    public String getPriority() {
        return priority;
    }
}
