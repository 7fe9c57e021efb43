package io.pbxctl.daemon.asterisk;

import java.io.Serial;
import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code DialplanExtensionAdd} (pbx_config), which Asterisk-Java does not ship. Asterisk-Java
 * sends every getter as a header; Asterisk reads them case-insensitively.
 */
public final class DialplanExtensionAddAction extends AbstractManagerAction {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String context;
    private final String extension;
    private final String priority;
    private final String application;
    private final String applicationData;

    DialplanExtensionAddAction(String context, String extension, String priority, String application, String applicationData) {
        this.context = context;
        this.extension = extension;
        this.priority = priority;
        this.application = application;
        this.applicationData = applicationData;
    }

    @Override
    public String getAction() {
        return "DialplanExtensionAdd";
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

    public String getApplication() {
        return application;
    }

    public String getApplicationData() {
        return applicationData;
    }

    public String getReplace() {
        return "yes";
    }
}
