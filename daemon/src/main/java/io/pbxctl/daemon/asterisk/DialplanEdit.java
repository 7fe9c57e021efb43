package io.pbxctl.daemon.asterisk;

import org.asteriskjava.manager.action.ManagerAction;

/**
 * One change to a single extension of the running dialplan, sent over AMI instead of reloading
 * the whole file (see {@code config.DialplanDelta} for why). The generated file already holds the
 * change, so a later full reload gives the same dialplan.
 */
public sealed interface DialplanEdit {

    ManagerAction action();

    /** Writes one priority ({@code hint} or a number), replacing what was there. */
    record Add(String context, String extension, String priority, String application, String data) implements DialplanEdit {

        @Override
        public ManagerAction action() {
            return new DialplanExtensionAddAction(context, extension, priority, application, data);
        }
    }

    /** Removes one priority, or the whole extension with its hint when {@code priority} is null. */
    record Remove(String context, String extension, String priority) implements DialplanEdit {

        @Override
        public ManagerAction action() {
            return new DialplanExtensionRemoveAction(context, extension, priority);
        }
    }
}
