package org.cdbkit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the kernel says of this process's memory: its mappings and its resident size. */
public final class ProcessMemory {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private ProcessMemory() {
    }

    /** Whether this is a Linux with /proc, where the figures below can be read. */
    public static boolean readable() {
        return Files.isReadable(MAPS);
    }

    /** How many mappings the process has. */
    public static long mappings() throws IOException {
        return lines().size();
    }

    /** How many mappings are of {@code file} (by its path, "(deleted)" once replaced). */
    public static long mappingsOf(Path file) throws IOException {
        String name = file.toAbsolutePath().toString();
        return lines().stream().filter(l -> l.contains(name)).count();
    }

    /**
     * The resident memory of file mappings, in KiB: where mapped files that were never unmapped
     * would show, apart from the heap and the collector's moods.
     */
    public static long fileBackedKib() throws IOException {
        return status("RssFile:");
    }

    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no " + field + " in /proc/self/status");
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(MAPS, StandardCharsets.ISO_8859_1);
    }
}
