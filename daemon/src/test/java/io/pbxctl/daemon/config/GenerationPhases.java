package io.pbxctl.daemon.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One generation, as {@link ConfigGenerator#generate()} does it, with each phase timed apart for
 * the config-generation benchmark (io.pbxctl.daemon.bench.ConfigGenerationBench). It sits in this
 * package because the writer is package-private.
 */
public final class GenerationPhases {

    private final ConfigModelLoader loader;
    private final TemplateRenderer renderer;
    private final GenerationSettings settings;
    private final ConfigWriter writer;

    public GenerationPhases(ConfigModelLoader loader, TemplateRenderer renderer, GenerationSettings settings, Path configDir) {
        this.loader = loader;
        this.renderer = renderer;
        this.settings = settings;
        this.writer = new ConfigWriter(configDir);
    }

    /** Nanoseconds per phase, the model's size and the bytes of each rendered file. */
    public record Timing(long loadNanos, long renderNanos, long writeNanos, int tenants, int users, int devices,
                         Map<GeneratedFile, Integer> bytes, Set<GeneratedFile> written) {

        public long totalNanos() {
            return loadNanos + renderNanos + writeNanos;
        }
    }

    public Timing run() {
        long start = System.nanoTime();
        ConfigModel model = loader.load();
        long loaded = System.nanoTime();
        Map<GeneratedFile, String> files = renderer.render(model, settings);
        long rendered = System.nanoTime();
        Set<GeneratedFile> written = writer.write(files);
        long end = System.nanoTime();
        Map<GeneratedFile, Integer> bytes = new EnumMap<>(GeneratedFile.class);
        files.forEach((file, text) -> bytes.put(file, text.getBytes(StandardCharsets.UTF_8).length));
        int devices = model.tenants().stream().flatMap(t -> t.users().stream()).mapToInt(u -> u.devices().size()).sum();
        return new Timing(loaded - start, rendered - loaded, end - rendered, model.tenants().size(), model.userCount(), devices, bytes,
                written);
    }

    /** Model and rendered files held together, as at the end of rendering: the generation's live set. */
    public Object loadAndRender() {
        ConfigModel model = loader.load();
        return Map.entry(model, renderer.render(model, settings));
    }
}
