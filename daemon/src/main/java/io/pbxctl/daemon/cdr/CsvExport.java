package io.pbxctl.daemon.cdr;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes a view as RFC 4180 CSV in UTF-8 with a byte-order mark, without which Excel reads the
 * file as the local code page and garbles Vietnamese and Polish names. Text that a spreadsheet
 * would run as a formula (a caller name of "=HYPERLINK(...)" sent by an outside caller) is
 * prefixed with an apostrophe.
 */
final class CsvExport implements AutoCloseable {

    private final Writer out;
    private final ZoneId zone;

    CsvExport(OutputStream stream, ZoneId zone) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.zone = zone;
        try {
            out.write('\uFEFF');
            line(ExportColumns.HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(CallRecordView call) {
        try {
            line(ExportColumns.cells(call, zone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells.get(i);
            if (cell instanceof String text) {
                out.write('"');
                out.write(defused(text).replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(String.valueOf(cell));
            }
        }
        out.write("\r\n");
    }

    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !text.substring(1).matches("[0-9 ]*"));
        return formula ? "'" + text : text;
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
