package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.Test;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * completion/cdbmake-all is the bash completion picocli generates from cdbmake-all's options:
 * committed, so that installing needs no build step, and checked here against the options.
 */
class CompletionTest {
    @Test
    void committedCompletionMatchesTheOptions() throws Exception {
        Path committed = Fixtures.root().resolve("completion/cdbmake-all");
        String generated = AutoComplete.bash("cdbmake-all",
                new CommandLine(new CdbMakeAllCommand(System.out, System.err)));
        if (!generated.equals(Files.readString(committed, StandardCharsets.UTF_8))) {
            Path fresh = Fixtures.root().resolve("cdbmake-cli/target/cdbmake-all.completion");
            Files.writeString(fresh, generated, StandardCharsets.UTF_8);
            assertEquals(generated, Files.readString(committed, StandardCharsets.UTF_8),
                    "the options changed: cp " + fresh + " " + committed);
        }
    }
}
