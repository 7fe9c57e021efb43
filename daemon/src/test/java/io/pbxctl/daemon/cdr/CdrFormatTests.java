package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The mapping operators install (from docs/call-history.md, Ansible's asterisk role, also the sandbox's) writes the fields the import reads. */
class CdrFormatTests {

    @Test
    void theSandboxMappingWritesTheImportedFieldsInOrder() throws IOException, URISyntaxException {
        String conf = Files.readString(Path.of(CdrFormatTests.class.getResource("/sandbox/cdr/cdr_custom.conf").toURI()));

        assertThat(conf).contains("\nfields = " + CdrFormat.fieldsLine() + "\n", "\nquoting_method = all\n", "[pbx-cdr.csv]");
    }

    @Test
    void theDocumentedMappingIsTheSandboxOne() throws IOException, URISyntaxException {
        String conf = Files.readString(Path.of(CdrFormatTests.class.getResource("/sandbox/cdr/cdr_custom.conf").toURI()));
        String mapping = conf.substring(conf.indexOf("[pbx-cdr.csv]"));

        assertThat(Files.readString(repository("docs").resolve("call-history.md"))).contains(mapping);
    }

    @Test
    void ansibleDeploysTheSandboxMapping() throws IOException, URISyntaxException {
        String conf = Files.readString(Path.of(CdrFormatTests.class.getResource("/sandbox/cdr/cdr_custom.conf").toURI()));
        String mapping = conf.substring(conf.indexOf("[pbx-cdr.csv]"));

        assertThat(Files.readString(repository("ansible").resolve("roles/asterisk/templates/cdr-custom-block.j2")))
                .isEqualTo(mapping);
    }

    private static Path repository(String child) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(child))) {
                return dir.resolve(child);
            }
        }
        throw new IllegalStateException("no " + child + "/ above " + Path.of("").toAbsolutePath());
    }
}
