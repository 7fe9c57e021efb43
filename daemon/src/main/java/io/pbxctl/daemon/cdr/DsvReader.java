package io.pbxctl.daemon.cdr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits bytes of the call-record file into whole records: comma-separated, every field in
 * double quotes with quotes doubled inside (cdr_custom's {@code quoting_method = all}). A line
 * break inside quotes belongs to the field; only one outside quotes ends a record, so a record
 * Asterisk is still writing is never taken for a whole one.
 */
final class DsvReader {

    /** The whole records found, and how many bytes they took (where the next read starts). */
    record Chunk(List<List<String>> records, int consumed) {
    }

    private DsvReader() {
    }

    static Chunk read(byte[] bytes, int length, int maxRecords) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        boolean quoted = false;
        int consumed = 0;
        for (int i = 0; i < length && records.size() < maxRecords; i++) {
            byte b = bytes[i];
            if (quoted) {
                if (b != '"') {
                    field.write(b);
                } else if (i + 1 == length) {
                    break;
                } else if (bytes[i + 1] == '"') {
                    field.write('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (b == '"') {
                quoted = true;
            } else if (b == ',') {
                fields.add(field.toString(StandardCharsets.UTF_8));
                field.reset();
            } else if (b == '\n') {
                fields.add(field.toString(StandardCharsets.UTF_8));
                field.reset();
                records.add(fields);
                fields = new ArrayList<>();
                consumed = i + 1;
            } else if (b != '\r') {
                field.write(b);
            }
        }
        return new Chunk(records, consumed);
    }
}
