package io.pbxctl.daemon.cdr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One record of Asterisk's call-record file, as written (see {@link CdrFormat}). */
record RawCdr(String uniqueid, String linkedid, int sequence, Instant start, Instant answer, Instant end, int duration,
        int billsec, String disposition, String src, String clid, String dst, String dcontext, String channel,
        String dstchannel, String accountcode, String recording) {

    /** Reads the fields in {@link CdrFormat#FIELDS} order; throws IllegalArgumentException for a record of another shape. */
    static RawCdr of(List<String> fields) {
        if (fields.size() != CdrFormat.FIELDS.size()) {
            throw new IllegalArgumentException("has " + fields.size() + " fields, expected " + CdrFormat.FIELDS.size());
        }
        if (fields.get(0).isEmpty()) {
            throw new IllegalArgumentException("has no uniqueid");
        }
        return new RawCdr(fields.get(0), fields.get(1), Integer.parseInt(fields.get(2)), time(fields.get(3)), time(fields.get(4)),
                time(fields.get(5)), Integer.parseInt(fields.get(6)), Integer.parseInt(fields.get(7)), fields.get(8), fields.get(9),
                fields.get(10), fields.get(11), fields.get(12), fields.get(13), fields.get(14), fields.get(15), fields.get(16));
    }

    /** Epoch seconds with a fraction; Asterisk writes 0 for a time that never happened (no answer). */
    private static Instant time(String value) {
        if (value.isEmpty()) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(value);
        if (seconds.signum() == 0) {
            return null;
        }
        long whole = seconds.longValue();
        long micros = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(6).longValue();
        return Instant.ofEpochSecond(whole, micros * 1000);
    }
}
