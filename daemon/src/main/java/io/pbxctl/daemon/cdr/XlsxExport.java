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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a view as an Office Open XML workbook (one sheet) straight into the response: the
 * fixed parts first, then the sheet's rows as they come, with text as inline strings so that
 * no shared-string table has to be held in memory. Memory stays constant whatever the number
 * of rows.
 */
final class XlsxExport implements AutoCloseable {

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            </Types>""";
    private static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>""";
    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="Calls" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            </Relationships>""";

    private final ZipOutputStream zip;
    private final Writer sheet;
    private final ZoneId zone;

    XlsxExport(OutputStream stream, ZoneId zone) {
        this.zone = zone;
        this.zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
        this.sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 64 * 1024);
        try {
            part("[Content_Types].xml", CONTENT_TYPES);
            part("_rels/.rels", ROOT_RELS);
            part("xl/workbook.xml", WORKBOOK);
            part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            row(ExportColumns.HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(CallRecordView call) {
        try {
            row(ExportColumns.cells(call, zone));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void part(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private void row(List<?> cells) throws IOException {
        sheet.write("<row>");
        for (Object cell : cells) {
            if (cell instanceof Number number) {
                sheet.write("<c><v>" + number + "</v></c>");
            } else {
                sheet.write("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                escape(String.valueOf(cell));
                sheet.write("</t></is></c>");
            }
        }
        sheet.write("</row>");
    }

    /** XML-escapes text and drops the characters XML 1.0 cannot carry at all (most control characters). */
    private void escape(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sheet.write("&amp;");
                case '<' -> sheet.write("&lt;");
                case '>' -> sheet.write("&gt;");
                case '"' -> sheet.write("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            sheet.write(c);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
