package io.pbxctl.daemon.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes generated files the way Asterisk must see them: a file whose bytes are unchanged is
 * left alone (no rewrite, so no needless reload); a changed one goes to a temporary name that the
 * {@code *.conf} include glob does not match, is synced, renamed over the old one in one atomic
 * step, and the directory is synced. Asterisk therefore reads either the old or the new file,
 * never half of one. Files are readable by owner and group only: trunk credentials are in them.
 */
final class ConfigWriter {

    private final Path configDir;

    ConfigWriter(Path configDir) {
        this.configDir = configDir;
    }

    Set<GeneratedFile> write(Map<GeneratedFile, String> files) {
        Set<GeneratedFile> changed = EnumSet.noneOf(GeneratedFile.class);
        for (Map.Entry<GeneratedFile, String> file : files.entrySet()) {
            if (writeIfChanged(configDir.resolve(file.getKey().path()), file.getValue().getBytes(StandardCharsets.UTF_8))) {
                changed.add(file.getKey());
            }
        }
        return changed;
    }

    private static boolean writeIfChanged(Path target, byte[] content) {
        try {
            if (Files.isRegularFile(target) && Files.size(target) == content.length
                    && Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path temporary = dir.resolve(target.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r-----"));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
