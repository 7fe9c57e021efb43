package io.pbxctl.agi.script;

import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiRequest;

/** Validated access to a request's arguments and the call's unique id. */
final class Arguments {

    static final Pattern TENANT = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9._-]{3,40}");
    static final Pattern DIALLED = Pattern.compile("\\+?[0-9]{1,32}");
    static final Pattern EXTENSION = Pattern.compile("[0-9]{2,6}");
    static final Pattern ROOM = Pattern.compile("[0-9]{4,12}");
    static final Pattern SECONDS = Pattern.compile("[0-9]{1,7}");
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String[] values;
    private final String uniqueId;

    Arguments(AgiRequest request) {
        String[] arguments = request.getArguments();
        this.values = arguments == null ? new String[0] : arguments;
        this.uniqueId = request.getUniqueId();
    }

    /** The argument at a 1-based position, which must match the pattern. */
    String get(int position, String name, Pattern pattern) {
        String value = position <= values.length ? values[position - 1] : null;
        if (value == null || !pattern.matcher(value).matches()) {
            throw new BadRequest("argument " + position + " (" + name + ") is missing or malformed");
        }
        return value;
    }

    /** Like {@link #get} but empty when the argument is absent or blank. */
    String optional(int position, String name, Pattern pattern) {
        String value = position <= values.length ? values[position - 1] : null;
        return value == null || value.isBlank() ? null : get(position, name, pattern);
    }

    String callId() {
        if (uniqueId == null || !CALL_ID.matcher(uniqueId).matches()) {
            throw new BadRequest("agi_uniqueid is missing or malformed");
        }
        return uniqueId;
    }
}
