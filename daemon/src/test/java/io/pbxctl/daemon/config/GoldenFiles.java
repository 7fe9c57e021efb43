package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Compares rendered files with the golden copies in src/test/resources/golden/<scenario>/. Run
 * with -Dgolden.update=true to rewrite them after an intended template change, then review the
 * diff like any other change.
 */
final class GoldenFiles {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {
    }

    static void assertMatches(String scenario, Map<GeneratedFile, String> rendered) throws IOException {
        for (Map.Entry<GeneratedFile, String> file : rendered.entrySet()) {
            Path golden = ROOT.resolve(scenario).resolve(file.getKey().path());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, file.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file of scenario " + scenario).exists();
            assertThat(file.getValue()).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }
}
