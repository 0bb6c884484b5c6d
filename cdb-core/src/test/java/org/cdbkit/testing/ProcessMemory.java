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

    /** The resident set size, in KiB. */
    public static long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    /** The resident set size less the heap the JVM has committed, in KiB: native memory and mappings. */
    public static long outsideHeapKib() throws IOException {
        long heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        return residentKib() - heap / 1024;
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(MAPS, StandardCharsets.ISO_8859_1);
    }
}
