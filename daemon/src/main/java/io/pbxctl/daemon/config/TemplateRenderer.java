package io.pbxctl.daemon.config;

import io.pbxctl.daemon.system.PbxProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.VelocityException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders each {@link GeneratedFile} with Velocity in strict mode, so that a reference to
 * anything the model does not have is an error rather than literal text in a file. A template in
 * the operator's override directory wins over the shipped one of the same relative path.
 */
@Component
public class TemplateRenderer {

    private static final String SHIPPED = "dialplan-templates/";

    private final VelocityEngine engine;
    private final Path overrideDir;

    @Autowired
    TemplateRenderer(PbxProperties properties) {
        this(properties.asterisk().templateOverrideDir());
    }

    TemplateRenderer(Path overrideDir) {
        this.overrideDir = overrideDir;
        Properties velocity = new Properties();
        velocity.setProperty("runtime.strict_mode.enable", "true");
        velocity.setProperty("parser.space_gobbling", "lines");
        engine = new VelocityEngine(velocity);
        engine.init();
    }

    public Map<GeneratedFile, String> render(ConfigModel model, GenerationSettings settings) {
        Map<GeneratedFile, String> files = new EnumMap<>(GeneratedFile.class);
        for (GeneratedFile file : GeneratedFile.values()) {
            files.put(file, render(file, model, settings));
        }
        return files;
    }

    String render(GeneratedFile file, ConfigModel model, GenerationSettings settings) {
        VelocityContext context = new VelocityContext();
        context.put("model", model);
        context.put("settings", settings);
        context.put("refusals", Refusal.all());
        StringWriter out = new StringWriter(64 * 1024);
        String source = sourceName(file);
        try (Reader template = open(file)) {
            engine.evaluate(context, out, source, template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + source, e);
        } catch (VelocityException e) {
            throw new TemplateFailed(source, e);
        }
        String rendered = out.toString();
        RenderedFileCheck.check(file, source, rendered);
        return rendered;
    }

    /** Where the template of a file comes from, for messages and the status endpoint. */
    public String sourceName(GeneratedFile file) {
        Path override = override(file);
        return override != null ? override.toString() : "classpath:" + SHIPPED + file.template();
    }

    private Reader open(GeneratedFile file) throws IOException {
        Path override = override(file);
        if (override != null) {
            return Files.newBufferedReader(override, StandardCharsets.UTF_8);
        }
        InputStream shipped = TemplateRenderer.class.getClassLoader().getResourceAsStream(SHIPPED + file.template());
        if (shipped == null) {
            throw new IOException("the shipped template is missing from the class path");
        }
        return new InputStreamReader(shipped, StandardCharsets.UTF_8);
    }

    private Path override(GeneratedFile file) {
        if (overrideDir == null) {
            return null;
        }
        Path candidate = overrideDir.resolve(file.template());
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    /** A template that does not render: a syntax error, or a reference the model cannot resolve. */
    public static class TemplateFailed extends RuntimeException {

        TemplateFailed(String source, VelocityException cause) {
            super("template " + source + " failed: " + cause.getMessage(), cause);
        }
    }
}
