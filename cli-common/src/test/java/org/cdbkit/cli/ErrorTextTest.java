package org.cdbkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;

/** A full disk is said as djb's tools say it, however Java reports it. */
class ErrorTextTest {
    private static final String ENOSPC = "No space left on device";

    @Test
    void aPlainIOExceptionFromAWriteIsOutOfDiskSpace() {
        // FileChannel.write reports ENOSPC as a plain IOException carrying strerror's text
        assertEquals("out of disk space", ErrorText.of(new IOException(ENOSPC)));
    }

    @Test
    void theWritersRethrownFailureIsOutOfDiskSpace() {
        // the background writer hands its failure over wrapped, with the message kept
        IOException first = new IOException(ENOSPC);
        assertEquals("out of disk space", ErrorText.of(new IOException(first.getMessage(), first)));
    }

    @Test
    void aFileSystemExceptionIsWordedByItsReasonNotItsFileName() {
        assertEquals("out of disk space", ErrorText.of(new FileSystemException("/etc/tcp/ssh.cdb", null, ENOSPC)));
    }

    @Test
    void aRealFullDeviceIsOutOfDiskSpace() throws IOException {
        Path full = Path.of("/dev/full"); // Linux: every write fails with ENOSPC
        assumeTrue(Files.isWritable(full), "no /dev/full here");
        try (FileChannel channel = FileChannel.open(full, StandardOpenOption.WRITE)) {
            IOException e = assertThrows(IOException.class, () -> channel.write(ByteBuffer.wrap(new byte[] {1})));
            assertEquals("out of disk space", ErrorText.of(e));
        }
    }
}
