package io.pbxctl.daemon.config;

import io.pbxctl.daemon.asterisk.AmiStatus;
import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.PbxProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators see what was generated when and how the last reload went, and can force a regeneration. */
@RestController
@Tag(name = "Asterisk configuration")
class ConfigController {

    private final ConfigRegeneration regeneration;
    private final AsteriskManager asterisk;
    private final TemplateRenderer renderer;
    private final Path configDir;
    private final Access access;

    ConfigController(ConfigRegeneration regeneration, AsteriskManager asterisk, TemplateRenderer renderer, PbxProperties properties,
            Access access) {
        this.regeneration = regeneration;
        this.asterisk = asterisk;
        this.renderer = renderer;
        this.configDir = properties.asterisk().configDir();
        this.access = access;
    }

    /** One generated file as it is on disk now, and the template it comes from. */
    record FileView(String path, String template, Long bytes, Instant modifiedAt) {
    }

    record StatusView(ConfigRegeneration.State generation, List<FileView> files, AmiStatus asterisk) {
    }

    @GetMapping("/api/v1/asterisk/config")
    @Operation(summary = "Generated files, the last generation (when, how long, what changed, any error) and the AMI connection with its last reload")
    StatusView status() {
        access.requireOperator();
        return new StatusView(regeneration.state(), Arrays.stream(GeneratedFile.values()).map(this::file).toList(), asterisk.status());
    }

    @PostMapping("/api/v1/asterisk/config/regenerate")
    @Operation(summary = "Regenerate now and reload every generated file in Asterisk (also when unchanged)")
    ConfigRegeneration.GenerationOutcome regenerate() {
        access.requireOperator();
        return regeneration.regenerateNow();
    }

    @ExceptionHandler(ConfigRegeneration.GenerationFailed.class)
    ProblemDetail failed(ConfigRegeneration.GenerationFailed failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "the configuration was not generated and the previous files stay in place: " + failure.getMessage());
        problem.setTitle("Generation failed");
        return problem;
    }

    private FileView file(GeneratedFile file) {
        Path path = configDir.resolve(file.path());
        try {
            return new FileView(file.path(), renderer.sourceName(file), Files.size(path), Files.getLastModifiedTime(path).toInstant());
        } catch (IOException e) {
            return new FileView(file.path(), renderer.sourceName(file), null, null);
        }
    }
}
