package org.cdbkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cdbkit.cli.all.CdbMakeAllCommand;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** man/: a page for every tool in bin/, each rendering cleanly with its NAME and SYNOPSIS. */
class ManPagesTest {
    private static final Path MAN = Fixtures.root().resolve("man");

    /** Each page's SYNOPSIS, as man prints it (white space aside). */
    private static final Map<String, String> SYNOPSES = Map.ofEntries(
            Map.entry("man1/cdbmake.1", "cdbmake cdb cdb.tmp"),
            Map.entry("man1/cdbdump.1", "cdbdump < cdb"),
            Map.entry("man1/cdbget.1", "cdbget key [skip] < cdb"),
            Map.entry("man1/cdbstats.1", "cdbstats < cdb"),
            Map.entry("man1/cdbtest.1", "cdbtest < cdb"),
            Map.entry("man1/cdbmake-12.1", "cdbmake-12 cdb cdb.tmp < input"),
            Map.entry("man1/cdbmake-sv.1", "cdbmake-sv cdb cdb.tmp < /etc/services"),
            Map.entry("man1/cdb64make.1", "cdb64make cdb cdb.tmp"),
            Map.entry("man1/cdb64dump.1", "cdb64dump < cdb"),
            Map.entry("man1/cdb64get.1", "cdb64get key [skip] < cdb"),
            Map.entry("man1/cdb64stats.1", "cdb64stats < cdb"),
            Map.entry("man1/cdb64test.1", "cdb64test < cdb"),
            Map.entry("man1/cdb64make-12.1", "cdb64make-12 cdb cdb.tmp < input"),
            Map.entry("man1/cdb64make-sv.1", "cdb64make-sv cdb cdb.tmp < /etc/services"),
            Map.entry("man1/tcprules.1", "tcprules [--cidr] [--dialect=ucspi-tcp6] rules.cdb rules.tmp < rules"),
            Map.entry("man1/tcprulescheck.1", "tcprulescheck rules.cdb"),
            Map.entry("man1/tcpruleslint.1", "tcpruleslint file ..."),
            Map.entry("man1/tcprulesdump.1", "tcprulesdump < rules.cdb"),
            Map.entry("man1/cdbmake-all.1",
                    "cdbmake-all [-nBqv] [-C dir] [-j n] [--watch [--interval ms]] [target...]"),
            Map.entry("man5/tcprules.5", "address:allow[,VAR=qvalueq]... address:deny"));

    static List<String> tools() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.root().resolve("bin"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .collect(Collectors.toList());
        }
    }

    static List<String> pages() throws IOException {
        try (Stream<Path> files = Files.walk(MAN)) {
            return files.filter(Files::isRegularFile).map(p -> MAN.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void everyToolHasAPageAndEveryPageATool() throws IOException {
        List<String> section1 = pages().stream().filter(p -> p.startsWith("man1/"))
                .map(p -> p.substring("man1/".length(), p.length() - ".1".length())).sorted().collect(Collectors.toList());
        assertEquals(tools(), section1, "bin/ tools against man/man1 pages");
        assertEquals(SYNOPSES.keySet().stream().sorted().collect(Collectors.toList()), pages(),
                "pages against the synopses this test knows");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void rendersWithoutWarnings(String page) throws Exception {
        Path file = MAN.resolve(page);
        var result = Man.run("-l", "--warnings", file);
        assertEquals(0, result.exitCode, result.toString());
        assertEquals("", result.stderrText(), "man's warnings for " + page);
        String name = file.getFileName().toString().replaceFirst("\\.[15]$", "");
        String text = Man.words(result);
        assertTrue(text.contains(" NAME " + name + " - "), "NAME line of " + page + ": " + text);
        String synopsis = SYNOPSES.get(page);
        assertNotNull(synopsis, "a synopsis for " + page);
        assertTrue(text.contains(" SYNOPSIS " + synopsis + " DESCRIPTION "), "SYNOPSIS of " + page + ": " + text);
    }

    /** The cdbmake-all page names every option the command has, so a new option needs its line. */
    @Test
    void cdbmakeAllPageNamesEveryOption() throws Exception {
        var result = Man.run("-l", MAN.resolve("man1/cdbmake-all.1"));
        String options = Man.words(result).replaceFirst(".* OPTIONS ", "").replaceFirst(" EXIT STATUS .*", "");
        CommandLine command = new CommandLine(new CdbMakeAllCommand(System.out, System.err));
        for (OptionSpec option : command.getCommandSpec().options()) {
            for (String name : option.names()) {
                assertTrue((" " + options).contains(" " + name + " ") || (" " + options).contains(" " + name + ","),
                        name + " in the OPTIONS of cdbmake-all.1: " + options);
            }
        }
    }
}
