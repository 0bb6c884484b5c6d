package org.cdbkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cdbkit.testing.Fixtures;

/** The table of tools, bin/.tools, as the launcher reads it: one row a tool. */
public final class ToolTable {
    /**
     * One tool: its name, the module whose jar holds it, its class, what its messages say, how
     * it starts, and whether it opens files by name ("files") or reads standard input only ("-").
     */
    public record Row(String name, String module, String className, String says, String start, String names) {
    }

    private static Map<String, Row> rows;

    private ToolTable() {
    }

    public static Path file() {
        return Fixtures.root().resolve("bin").resolve(".tools");
    }

    /** Every tool, in the table's order. */
    public static synchronized Map<String, Row> rows() {
        if (rows == null) {
            Map<String, Row> read = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(file(), StandardCharsets.US_ASCII)) {
                    String[] f = line.trim().split("\\s+");
                    if (line.startsWith("#") || f.length < 6) {
                        continue;
                    }
                    read.put(f[0], new Row(f[0], f[1], f[2], f[3], f[4], f[5]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows = read;
        }
        return rows;
    }

    public static Row row(String name) {
        Row row = rows().get(name);
        if (row == null) {
            throw new IllegalArgumentException("no tool " + name + " in " + file());
        }
        return row;
    }

    /** Runs tool {@code name} in this JVM on {@code io}, through the runtime the launcher uses. */
    public static int run(ToolIo io, String name, String... args) {
        Row row = row(name);
        return ToolRunner.run(io, row.className(), row.says(), java.util.List.of(args));
    }
}
