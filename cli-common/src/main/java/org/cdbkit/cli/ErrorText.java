package org.cdbkit.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * The short error texts djb's tools print after a colon ({@code file does not exist},
 * {@code access denied}...), derived from Java's exceptions, which carry the C library's
 * {@code strerror} text as their reason. The table is djb's {@code error_str}.
 */
public final class ErrorText {
    private static final Map<String, String> STRERROR_TO_DJB = Map.ofEntries(
            Map.entry("no such file or directory", "file does not exist"),
            Map.entry("permission denied", "access denied"),
            Map.entry("operation not permitted", "permission denied"),
            Map.entry("is a directory", "is a directory"),
            Map.entry("not a directory", "not a directory"),
            Map.entry("directory not empty", "directory not empty"),
            Map.entry("invalid cross-device link", "cross-device link"),
            Map.entry("read-only file system", "read-only file system"),
            Map.entry("no space left on device", "out of disk space"),
            Map.entry("disk quota exceeded", "disk quota exceeded"),
            Map.entry("file too large", "file too big"),
            Map.entry("input/output error", "input/output error"),
            Map.entry("bad file descriptor", "file descriptor not open"),
            Map.entry("cannot allocate memory", "out of memory"),
            Map.entry("protocol error", "protocol error"),
            Map.entry("illegal seek", "unseekable descriptor"),
            Map.entry("too many levels of symbolic links", "symbolic link loop"),
            Map.entry("file name too long", "file name too long"),
            Map.entry("file exists", "file already exists"),
            Map.entry("device or resource busy", "device busy"),
            Map.entry("text file busy", "text busy"),
            Map.entry("invalid argument", "invalid argument"),
            Map.entry("too many open files", "process cannot open more files"),
            Map.entry("too many open files in system", "system cannot open more files"),
            Map.entry("broken pipe", "broken pipe"),
            Map.entry("interrupted system call", "interrupted system call"),
            Map.entry("resource temporarily unavailable", "temporary failure"),
            Map.entry("no such device", "device does not support operation"),
            Map.entry("no such device or address", "device not configured"),
            Map.entry("stale file handle", "stale NFS file handle"),
            Map.entry("connection reset by peer", "connection reset"));

    private ErrorText() {
    }

    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (e instanceof FileNotFoundException && reason != null) {
            // "NAME (No such file or directory)"
            int open = reason.lastIndexOf('(');
            if (open >= 0 && reason.endsWith(")")) {
                reason = reason.substring(open + 1, reason.length() - 1);
            }
        }
        return fromStrerror(reason);
    }

    /** Maps a C library {@code strerror} text to djb's {@code error_str} text. */
    static String fromStrerror(String reason) {
        if (reason == null) {
            return "unknown error";
        }
        String text = STRERROR_TO_DJB.get(reason.toLowerCase(Locale.ROOT));
        return text != null ? text : reason.toLowerCase(Locale.ROOT);
    }
}
