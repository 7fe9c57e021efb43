package io.pbxctl.daemon.cdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds lines of the call-record file as Asterisk's cdr_custom writes them with quoting_method = all;
 * public for tests of other packages whose calls need records (the recording mail).
 */
public final class CdrLines {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

    private final Map<String, String> fields = new LinkedHashMap<>();

    private CdrLines(String uniqueid, Instant start, int talk) {
        for (String field : CdrFormat.FIELDS) {
            fields.put(field, "");
        }
        fields.put("uniqueid", uniqueid);
        fields.put("linkedid", uniqueid);
        fields.put("sequence", Integer.toString(SEQUENCE.incrementAndGet()));
        fields.put("start(double)", seconds(start));
        fields.put("answer(double)", talk > 0 ? seconds(start.plusSeconds(5)) : "0.000000");
        fields.put("end(double)", seconds(start.plusSeconds(5 + talk)));
        fields.put("duration", Integer.toString(5 + talk));
        fields.put("billsec", Integer.toString(talk));
        fields.put("disposition", talk > 0 ? "ANSWERED" : "NO ANSWER");
    }

    /** A record of a call that started at {@code start}, rang 5 s and was answered for {@code talk} seconds (0: unanswered). */
    public static CdrLines call(String uniqueid, Instant start, int talk) {
        return new CdrLines(uniqueid, start, talk);
    }

    public CdrLines set(String field, String value) {
        if (!fields.containsKey(field)) {
            throw new IllegalArgumentException("no field " + field);
        }
        fields.put(field, value);
        return this;
    }

    /** Caller device or trunk: {@code PJSIP/<endpoint>-<n>}. */
    public CdrLines from(String endpoint, String number) {
        return set("channel", "PJSIP/" + endpoint + "-0000000a").set("src", number).set("clid", "\"" + endpoint + "\" <" + number + ">");
    }

    public CdrLines to(String number, String context, String endpoint) {
        set("dst", number).set("dcontext", context);
        return endpoint == null ? this : set("dstchannel", "PJSIP/" + endpoint + "-0000000b");
    }

    String line() {
        StringBuilder line = new StringBuilder();
        for (String value : fields.values()) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return line.append('\n').toString();
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void append(Path file, List<CdrLines> records) {
        append(file, String.join("", records.stream().map(CdrLines::line).toList()));
    }

    private static String seconds(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
    }
}
