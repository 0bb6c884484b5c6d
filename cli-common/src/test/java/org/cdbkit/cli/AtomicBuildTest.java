package org.cdbkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.cdbkit.cdb.Cdb64Writer;
import org.cdbkit.cdb.CdbDatabase;
import org.cdbkit.cdb.CdbFiles;
import org.cdbkit.cdb.CdbSink;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.CdbWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicBuild builds either width with the same steps and words. */
class AtomicBuildTest {
    @TempDir
    Path dir;

    /** Words that name each step, and remember how many records the source had written when it failed. */
    private static final class Words implements AtomicBuild.Wording {
        final AtomicLong recordsAtFailure = new AtomicLong(-1);
        CdbSink seen;

        @Override
        public ToolFailure sourceFailure(IOException e, CdbSink writer) {
            seen = writer;
            recordsAtFailure.set(writer.recordCount());
            return ToolFailure.fatal(ToolFailure.TEMPORARY, "source: " + e.getMessage(), e);
        }

        @Override
        public String cannotCreate() {
            return "create";
        }

        @Override
        public String cannotWrite() {
            return "write";
        }

        @Override
        public String cannotRename() {
            return "rename";
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theCdbBuildHandsTheSourceACdbWriter() throws IOException {
        Path cdb = dir.resolve("db.cdb");
        AtomicBuild.run(cdb, dir.resolve("db.tmp"), (CdbWriter writer) -> writer.add(bytes("k"), bytes("v")),
                new Words());
        try (CdbDatabase db = CdbFiles.open(cdb)) {
            assertEquals(CdbWidth.CDB32, db.width());
            assertArrayEquals(bytes("v"), db.getBytes(bytes("k")));
        }
        assertFalse(Files.exists(dir.resolve("db.tmp")));
    }

    @Test
    void theCdb64BuildWritesACdb64() throws IOException {
        Path cdb = dir.resolve("db.cdb64");
        AtomicBuild.run(cdb, dir.resolve("db.tmp"), CdbWidth.CDB64, sink -> {
            assertInstanceOf(Cdb64Writer.class, sink);
            sink.add(bytes("k"), bytes("v"));
            sink.add(bytes("k"), bytes("w"));
        }, new Words());
        try (CdbDatabase db = CdbFiles.open(cdb)) {
            assertEquals(CdbWidth.CDB64, db.width());
            assertEquals(2, db.getAll(bytes("k")).size());
        }
        assertFalse(Files.exists(dir.resolve("db.tmp")));
    }

    @Test
    void aFailingSourceOfEitherWidthIsWordedAndLeavesTheOldDatabase() throws IOException {
        for (CdbWidth width : CdbWidth.values()) {
            Path cdb = dir.resolve("old" + width.extension());
            Files.write(cdb, bytes("the old database"));
            Words words = new Words();
            ToolFailure f = assertThrows(ToolFailure.class, () -> AtomicBuild.run(cdb, dir.resolve("new.tmp"), width,
                    sink -> {
                        sink.add(bytes("a"), bytes("1"));
                        throw new IOException("bad input");
                    }, words));
            assertEquals(ToolFailure.TEMPORARY, f.exitCode());
            assertTrue(f.line("tool").contains("source: bad input"), f.line("tool"));
            assertEquals(1, words.recordsAtFailure.get(), width + ": the entry count reaches the wording");
            assertEquals(width, words.seen.width());
            assertArrayEquals(bytes("the old database"), Files.readAllBytes(cdb));
            assertFalse(Files.exists(dir.resolve("new.tmp")), "the temporary file is removed");
        }
    }

    @Test
    void theTemporaryFileMayNotBeTheDatabase() {
        Path cdb = dir.resolve("same.cdb64");
        ToolFailure f = assertThrows(ToolFailure.class,
                () -> AtomicBuild.run(cdb, cdb, CdbWidth.CDB64, sink -> { }, new Words()));
        assertEquals(ToolFailure.PERMANENT, f.exitCode());
        assertTrue(f.line("tool").contains("names the same file as"), f.line("tool"));
    }
}
