package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.cdbkit.make.BuildFailure;
import org.junit.jupiter.api.Test;

/** cdbmake-all says a full disk as the other tools do, naming the file it was writing. */
class FailureWordingTest {
    /** How FileChannel.write reports ENOSPC: a plain IOException with strerror's text. */
    private static final IOException DISK_FULL = new IOException("No space left on device");

    @Test
    void aFullDiskWhileWritingAScratchFile() {
        assertEquals("unable to write .ssh.cdb.cdbmake-all.0123456789abcdef.tmp: out of disk space",
                CdbMakeAllCommand.failure(new BuildFailure("unable to write .ssh.cdb.cdbmake-all.0123456789abcdef.tmp",
                        DISK_FULL)));
    }

    @Test
    void aFullDiskWhileWritingTheStateFile() {
        assertEquals("unable to write /etc/tcp/.cdbmake-all.state: out of disk space", CdbMakeAllCommand.failure(
                new BuildFailure("unable to write /etc/tcp/.cdbmake-all.state", DISK_FULL)));
    }

    @Test
    void aFullDiskNamedByNoStepIsStillNoJava() {
        assertEquals("out of disk space", CdbMakeAllCommand.failure(DISK_FULL));
        assertEquals("out of disk space", CdbMakeAllCommand.failure(new IOException(DISK_FULL.getMessage(), DISK_FULL)));
    }
}
