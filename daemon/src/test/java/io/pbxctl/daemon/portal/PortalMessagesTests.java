package io.pbxctl.daemon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.device.DeviceKind;
import io.pbxctl.daemon.security.Role;
import io.pbxctl.daemon.user.RecordingMode;
import jakarta.validation.Constraint;
import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * No text of the portal falls back to English or to a raw key: the three languages have the same
 * keys, every key a template names exists, and every rule the portal's forms can break (their
 * annotations, a value that does not convert, each FieldProblem rule in the code) has a message.
 */
class PortalMessagesTests {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final List<String> FORMS = List.of("io.pbxctl.daemon.user.UserRequest", "io.pbxctl.daemon.user.OwnSettingsRequest",
            "io.pbxctl.daemon.device.DeviceRequest", "io.pbxctl.daemon.accountcode.AccountCodeRequest",
            "io.pbxctl.daemon.conference.ConferenceRoomRequest", "io.pbxctl.daemon.security.PasswordChange");

    @Test
    void theThreeLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = bundle("");
        for (String language : List.of("_vi", "_pl")) {
            Properties other = bundle(language);
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(language).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            assertThat(other.values()).as(language).allMatch(v -> !v.toString().isBlank());
        }
    }

    @Test
    void translationsAreNotTheEnglishText() throws IOException {
        Properties english = bundle("");
        Properties polish = bundle("_pl");
        Properties vietnamese = bundle("_vi");
        assertThat(polish.getProperty("error.NotBlank")).isNotEqualTo(english.getProperty("error.NotBlank")).contains("puste");
        assertThat(vietnamese.getProperty("login.title")).isEqualTo("Đăng nhập");
        assertThat(polish.getProperty("nav.directory")).isEqualTo("Książka adresowa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_vi", "_pl"})
    void everyKeyATemplateNamesExists(String language) throws IOException {
        Properties bundle = bundle(language);
        Pattern literal = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates/portal"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher keys = literal.matcher(Files.readString(template));
                while (keys.find()) {
                    if (!bundle.containsKey(keys.group(1))) {
                        missing.add(template.getFileName() + ": " + keys.group(1));
                    }
                }
            }
        }
        Map<String, List<String>> dynamic = Map.ofEntries(
                Map.entry("callClass.", names(CallClass.values())),
                Map.entry("direction.", plus(plus(names(Direction.values()), "INBOUND"), "OTHER")),
                Map.entry("error.page.", List.of("forbidden", "notFound", "gone", "tooLarge", "internal", "denied")),
                Map.entry("disposition.", List.of("ANSWERED", "NO_ANSWER", "BUSY", "FAILED", "CONGESTION")),
                Map.entry("recording.", names(RecordingMode.values())),
                Map.entry("device.kind.", names(DeviceKind.values())),
                Map.entry("role.", names(Role.values())),
                Map.entry("registration.", List.of("REGISTERED", "IN_CALL", "OFFLINE", "UNKNOWN")),
                Map.entry("language.", PortalLanguages.SUPPORTED),
                Map.entry("statistics.groupBy.", List.of("day", "week", "month", "user", "department", "accountCodeOwner")),
                Map.entry("user.", List.of("outboundEnabled", "needsAccountCode", "autoAnswer", "callWaiting")),
                Map.entry("directory.search.", List.of("q", "department", "name", "extension", "number")));
        dynamic.forEach((prefix, values) -> values.stream().map(v -> prefix + v).filter(k -> !bundle.containsKey(k)).forEach(missing::add));
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_vi", "_pl"})
    void everyRuleThePortalsFormsCanBreakHasAMessage(String language) throws Exception {
        Properties bundle = bundle(language);
        Set<String> missing = new TreeSet<>();
        for (String form : FORMS) {
            for (RecordComponent field : Class.forName(form).getRecordComponents()) {
                List<String> rules = new ArrayList<>();
                for (Annotation annotation : field.getAnnotations()) {
                    if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                        rules.add(annotation.annotationType().getSimpleName());
                    }
                }
                if (field.getType() != String.class) {
                    rules.add("typeMismatch");
                }
                for (String rule : rules) {
                    if (PortalForms.keys(field.getName(), rule).stream().noneMatch(bundle::containsKey)) {
                        missing.add(form + "." + field.getName() + ": " + rule);
                    }
                }
            }
        }
        for (String rule : fieldProblemRules()) {
            if (!bundle.containsKey("error." + rule)) {
                missing.add("FieldProblem rule " + rule);
            }
        }
        for (String key : List.of("error." + PortalForms.CONFLICT, "error." + PortalForms.CONCURRENT)) {
            if (!bundle.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The rule names of every FieldProblem the daemon's code can throw. */
    private static Set<String> fieldProblemRules() throws IOException {
        Pattern thrown = Pattern.compile("new FieldProblem\\([^,]+,\\s*\"([A-Za-z]+)\"");
        Set<String> rules = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = thrown.matcher(Files.readString(source));
                while (matcher.find()) {
                    rules.add(matcher.group(1));
                }
            }
        }
        assertThat(rules).as("the scan finds the rules").contains("NotSelf", "Strength", "Window");
        return rules;
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("messages" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    private static List<String> plus(List<String> values, String extra) {
        List<String> all = new ArrayList<>(values);
        all.add(extra);
        return all;
    }
}
