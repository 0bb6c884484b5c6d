package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The lookup walk stays over 325 bytes of bytecode, C2's FreqInlineSize, so that C2 never
 * inlines it: a walk inlined into Finder.next made next too big for its callers to inline, and
 * random hits ran 1.6 times slower on JDK 17 (CdbReader.walkTableInFile says more). A change
 * that shrinks the walk below the line fails here instead of in a benchmark nobody ran.
 */
class WalkShapeTest {
    /** C2's default FreqInlineSize on every JDK from 17 to 25: hot methods up to this many bytes are inlined. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void theWalkIsTooBigForC2ToInline() throws URISyntaxException {
        Path classes = Path.of(CdbReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        int status = javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-c", "-p", "-cp", classes.toString(), CdbReader.class.getName());
        assertEquals(0, status, "javap");
        String listing = out.toString();
        int start = listing.indexOf("static long walkTableInFile(");
        assertTrue(start >= 0, "no walkTableInFile in\n" + listing);
        int end = listing.indexOf("\n\n", start);
        Matcher offsets = Pattern.compile("(?m)^\\s+(\\d+): ").matcher(listing.substring(start, end < 0 ? listing.length() : end));
        int last = -1;
        while (offsets.find()) {
            last = Integer.parseInt(offsets.group(1));
        }
        assertTrue(last >= FREQ_INLINE_SIZE, "walkTableInFile is " + (last + 1)
                + " bytes of bytecode; over " + FREQ_INLINE_SIZE + " keeps C2 from inlining it");
    }
}
