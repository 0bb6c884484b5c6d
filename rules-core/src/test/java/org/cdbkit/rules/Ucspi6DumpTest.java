package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcprulesdump for ucspi-tcp6: every database its tcprules wrote in the oracle cases dumps to
 * rules that compile back, as it compiles them, to the same bytes.
 */
class Ucspi6DumpTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyOracleDatabaseComesBack() throws Exception {
        return FixtureFormats.ucspi6Cases(Fixtures.dir("rules-ucspi-tcp6")).stream().filter(c -> c.exit() == 0)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    StringBuilder text = new StringBuilder();
                    long records;
                    try (InputStream in = Files.newInputStream(c.cdb())) {
                        records = RulesDumper.dumpUcspi6(in, line -> text.append(line).append('\n'));
                    }
                    assertTrue(records >= 0);
                    Path back = temp.resolve(c.name() + ".cdb");
                    RulesCompiler.compile(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.ISO_8859_1)),
                            back, temp.resolve(c.name() + ".tmp"), RulesDialect.UCSPI_TCP6);
                    assertArrayEquals(Files.readAllBytes(c.cdb()), Files.readAllBytes(back), text.toString());
                    assertEquals(records, text.chars().filter(ch -> ch == '\n').count());
                }));
    }
}
