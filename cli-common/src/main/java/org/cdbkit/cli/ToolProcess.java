package org.cdbkit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

import org.apache.commons.io.output.ProxyOutputStream;

/**
 * The process around a tool: it exits with the tool's code, and has the last word on what no
 * tool catches, on any thread. The originals never print a stack trace, and neither do we: out
 * of memory is {@code NAME: fatal: out of memory}, anything else
 * {@code NAME: fatal: internal error: ...}, both exit 111 (temporary: a retry with more memory,
 * or a fixed bug, may succeed). {@code CDBKIT_DEBUG} set adds the stack trace, for a bug report.
 */
public final class ToolProcess {
    private ToolProcess() {
    }

    /**
     * Standard output for a tool that prints through a {@link java.io.PrintStream} (which would
     * swallow the error): a reader gone away ends the process at once, silently, with 141, as
     * SIGPIPE ends a C tool. Tools that write through {@link DjbOutput} get the same from it.
     */
    public static OutputStream standardOutput() {
        return new ProxyOutputStream(new FileOutputStream(FileDescriptor.out)) {
            @Override
            protected void handleIOException(IOException e) throws IOException {
                if (ErrorText.of(e).equals("broken pipe")) {
                    System.exit(ToolFailure.BROKEN_PIPE);
                }
                throw e;
            }
        };
    }

    /** Runs {@code tool} as the process {@code program} and exits with its code. */
    public static void exit(String program, IntSupplier tool) {
        // made now: when memory runs out there may be none left to make them
        byte[] outOfMemory = (program + ": fatal: out of memory\n").getBytes(StandardCharsets.ISO_8859_1);
        FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
        // a class of its own, not a lambda: a lambda's first call costs start-up
        Thread.setDefaultUncaughtExceptionHandler(new Thread.UncaughtExceptionHandler() {
            @Override
            public void uncaughtException(Thread thread, Throwable e) {
                die(program, e, outOfMemory, stderr);
            }
        });
        int code;
        try {
            code = tool.getAsInt();
        } catch (Throwable e) {
            die(program, e, outOfMemory, stderr);
            return;
        }
        System.exit(code);
    }

    private static void die(String program, Throwable e, byte[] outOfMemory, FileOutputStream stderr) {
        try {
            if (e instanceof OutOfMemoryError) {
                stderr.write(outOfMemory);
            } else {
                stderr.write((program + ": fatal: internal error: " + describe(e) + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            if (System.getenv("CDBKIT_DEBUG") != null) {
                e.printStackTrace();
            }
        } catch (IOException | RuntimeException | Error ignored) {
            // nothing more can be said: the exit code still tells
        }
        Runtime.getRuntime().halt(ToolFailure.TEMPORARY);
    }

    /** A bug's own words where it has some; never the name of a Java class. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isEmpty()) {
            return "unexpected failure (run with CDBKIT_DEBUG=1 to see where)";
        }
        return message.toLowerCase(java.util.Locale.ROOT).startsWith("java.") ? "unexpected failure: "
                + message.substring(message.lastIndexOf(':') + 1).trim() : message;
    }
}
