package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsvReaderTests {

    @Test
    void quotedFieldsKeepCommasQuotesLineBreaksAndUtf8() {
        byte[] bytes = "\"a,b\",\"say \"\"hi\"\"\",\"Nguyễn\nThị\",\"Łódź\"\n".getBytes(StandardCharsets.UTF_8);

        DsvReader.Chunk chunk = DsvReader.read(bytes, bytes.length, 10);

        assertThat(chunk.records()).containsExactly(List.of("a,b", "say \"hi\"", "Nguyễn\nThị", "Łódź"));
        assertThat(chunk.consumed()).isEqualTo(bytes.length);
    }

    @Test
    void aRecordStillBeingWrittenIsLeftForTheNextRead() {
        String whole = "\"1\",\"2\"\n";
        for (String partial : List.of("\"3\",\"4", "\"3\",\"4\"", "\"3\",\"line\nbreak\"", "\"3\",\"quote\"\"")) {
            byte[] bytes = (whole + partial).getBytes(StandardCharsets.UTF_8);

            DsvReader.Chunk chunk = DsvReader.read(bytes, bytes.length, 10);

            assertThat(chunk.records()).as(partial).containsExactly(List.of("1", "2"));
            assertThat(chunk.consumed()).isEqualTo(whole.length());
        }
    }

    @Test
    void stopsAfterTheBatchSize() {
        byte[] bytes = "\"1\"\n\"2\"\n\"3\"\n".getBytes(StandardCharsets.UTF_8);

        DsvReader.Chunk chunk = DsvReader.read(bytes, bytes.length, 2);

        assertThat(chunk.records()).containsExactly(List.of("1"), List.of("2"));
        assertThat(chunk.consumed()).isEqualTo(8);
    }
}
