package io.pbxctl.daemon.cdr;

import java.util.List;

/**
 * The columns of Asterisk's call-record file, in the order of the {@code fields} line of the
 * {@code [pbx-cdr.csv]} mapping in cdr_custom.conf (docs/call-history.md): the contract between
 * Asterisk and the import. Times are epoch seconds with microseconds; {@code pbx_recording} is
 * the CDR variable the dialplan's [pbx-record] sets.
 */
final class CdrFormat {

    static final List<String> FIELDS = List.of("uniqueid", "linkedid", "sequence", "start(double)", "answer(double)",
            "end(double)", "duration", "billsec", "disposition", "src", "clid", "dst", "dcontext", "channel", "dstchannel",
            "accountcode", "pbx_recording(uservar)");

    /** The {@code fields} value of the mapping, as the operator copies it into cdr_custom.conf. */
    static String fieldsLine() {
        return String.join(", ", FIELDS);
    }

    private CdrFormat() {
    }
}
