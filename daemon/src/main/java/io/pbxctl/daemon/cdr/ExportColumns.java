package io.pbxctl.daemon.cdr;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The columns of both exports, with times in the tenant's zone as a person reading the file expects. */
final class ExportColumns {

    static final List<String> HEADER = List.of("Started", "Ended", "Direction", "Disposition", "User", "Department",
            "Caller number", "Caller name", "Dialled number", "Other user", "Duration (s)", "Talk (s)", "Account code owner",
            "Account code label", "Recorded");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ExportColumns() {
    }

    /** The cells of one record: text as String, counts as Integer; never null. */
    static List<Object> cells(CallRecordView call, ZoneId zone) {
        return Arrays.asList(TIME.format(call.startedAt().atZone(zone)), TIME.format(call.endedAt().atZone(zone)), call.direction(),
                call.disposition(), text(call.userName()), text(call.departmentName()), call.callerNumber(), call.callerName(),
                call.dialledNumber(), text(call.peerUserName()), call.durationSeconds(), call.talkSeconds(),
                text(call.accountCodeOwnerName()), text(call.accountCodeLabel()), call.recorded() ? "yes" : "no");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
