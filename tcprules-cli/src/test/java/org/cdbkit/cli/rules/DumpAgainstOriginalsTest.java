package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.NeedsOriginals;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcprulesdump's output compiled by ucspi-tcp 0.88's own tcprules gives the golden databases
 * back: the IPv6 build all of them, the IPv4 build those whose keys hold no colon.
 */
@NeedsOriginals({DifferentialProperties.V4 + "tcprules", DifferentialProperties.V6 + "tcprules"})
class DumpAgainstOriginalsTest {
    private static final Path DIR = Fixtures.dir("rules");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> theOriginalTcprulesCompilesTheDumpToTheSameBytes() throws IOException {
        return TcpRulesDumpTest.tcprulesDatabases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path cdb = DIR.resolve(name + ".cdb");
            byte[] dump = TcpRulesDumpTest.dump(cdb);
            for (String build : name.endsWith(".v6") ? List.of(DifferentialProperties.V6)
                    : List.of(DifferentialProperties.V6, DifferentialProperties.V4)) {
                Path work = Files.createTempDirectory(temp, "w");
                Oracle.Result r = Oracle.run(List.of(build + "tcprules", "r.cdb", "r.tmp"), work, dump, null);
                assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), r, build);
                assertArrayEquals(Files.readAllBytes(cdb), Files.readAllBytes(work.resolve("r.cdb")), build);
            }
        }));
    }
}
