package org.cdbkit.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolTable;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * bin/.tools is the one table of tools: the launcher runs from it, the tests run every tool
 * in-process from it, and everything else about a tool is checked against it here.
 */
class ToolTableTest {
    private static final Path BIN = Fixtures.root().resolve("bin");

    @Test
    void everyToolHasItsScriptAndEveryScriptIsATool() throws Exception {
        List<String> scripts;
        try (Stream<Path> files = Files.list(BIN)) {
            scripts = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .collect(Collectors.toList());
        }
        assertEquals(ToolTable.rows().keySet().stream().sorted().collect(Collectors.toList()), scripts);
        // one script for all: the tool is the script's own name
        byte[] one = Files.readAllBytes(BIN.resolve(scripts.get(0)));
        for (String script : scripts) {
            assertArrayEquals(one, Files.readAllBytes(BIN.resolve(script)), script + " is the common script");
            assertTrue(Files.isExecutable(BIN.resolve(script)), script);
        }
    }

    @Test
    void everyRowNamesACommandOfItsModule() throws Exception {
        for (ToolTable.Row row : ToolTable.rows().values()) {
            Class<?> command = Class.forName(row.className());
            assertTrue(Callable.class.isAssignableFrom(command), row.className() + " is a Callable<Integer>");
            command.getConstructor(ToolIo.class, List.class);
            Path source = Fixtures.root().resolve(row.module()).resolve("src/main/java")
                    .resolve(row.className().replace('.', '/') + ".java");
            assertTrue(Files.exists(source), row.name() + ": " + row.className() + " is in " + row.module());
            assertTrue(Set.of("tiny", "quick", "full").contains(row.start()), row.name() + " starts tiny, quick or full");
            assertTrue(Set.of("files", "-").contains(row.names()), row.name() + " names files or -");
        }
    }

    @Test
    void theReadmeNamesEveryTool() throws Exception {
        String readme = Files.readString(Fixtures.root().resolve("README.md"), StandardCharsets.UTF_8);
        for (String name : ToolTable.rows().keySet()) {
            assertTrue(readme.contains("| `" + name), "README's table of tools has " + name);
        }
    }
}
