package org.cdbkit.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * File names as the bytes a C tool hands to the kernel. In the tools a name is held as a
 * "byte string": a String of one char per byte (ISO-8859-1), as {@link ArgumentBytes} and
 * {@link RawEnvironment} give them and as the standard-error stream writes them back.
 *
 * <p>Why not {@code Path.of(String)}: the JDK encodes a path string with the locale's charset
 * ({@code sun.jnu.encoding}, fixed at start-up). Under the "C" locale of a daemontools run
 * script that is ASCII, so {@code café.cdb} cannot be named at all; under UTF-8 a byte that is
 * not UTF-8 turns into another name. The JDK's Unix paths keep their bytes internally, and a
 * path made from bytes is exact whatever the locale. Its constructor from bytes is not public,
 * so it is reached through {@code sun.nio.fs}, which the bin/ launcher (and the test runs) open
 * with {@code --add-opens java.base/sun.nio.fs=ALL-UNNAMED}. Where that is not open (or not a
 * Unix JDK), names are encoded with the locale's charset and a name that does not survive the
 * round trip is refused with {@link InvalidPathException}, never silently changed.
 */
public final class FileNames {
    private static final FileSystem FILES = FileSystems.getDefault();
    private static final MethodHandle FROM_BYTES;
    private static final MethodHandle TO_BYTES;

    static {
        MethodHandle fromBytes = null;
        MethodHandle toBytes = null;
        try {
            Class<?> unixPath = Class.forName("sun.nio.fs.UnixPath");
            Class<?> unixFileSystem = Class.forName("sun.nio.fs.UnixFileSystem");
            if (unixFileSystem.isInstance(FILES)) {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(unixPath, MethodHandles.lookup());
                fromBytes = lookup.findConstructor(unixPath, MethodType.methodType(void.class, unixFileSystem,
                        byte[].class)).asType(MethodType.methodType(Path.class, FileSystem.class, byte[].class));
                toBytes = lookup.findVirtual(unixPath, "asByteArray", MethodType.methodType(byte[].class))
                        .asType(MethodType.methodType(byte[].class, Path.class));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not opened to us, or not a Unix JDK: fall back to the locale's charset, checked
            fromBytes = null;
            toBytes = null;
        }
        FROM_BYTES = fromBytes;
        TO_BYTES = toBytes;
    }

    private FileNames() {
    }

    /** Whether names of any bytes can be used here (false: only what the locale's charset holds). */
    public static boolean exact() {
        return FROM_BYTES != null;
    }

    /** The path named by {@code name}, a byte string (one char per byte). */
    public static Path path(String name) {
        return path(name.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The path named by these bytes. */
    public static Path path(byte[] name) {
        if (ascii(name)) {
            return FILES.getPath(new String(name, StandardCharsets.ISO_8859_1));
        }
        String latin1 = new String(name, StandardCharsets.ISO_8859_1);
        if (containsNul(name)) {
            throw new InvalidPathException(latin1, "a file name cannot hold a NUL byte");
        }
        if (FROM_BYTES != null) {
            try {
                // the JDK removes redundant slashes from the bytes as it would from a string
                return (Path) FROM_BYTES.invokeExact(FILES, normalized(name));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        Charset charset = ArgumentBytes.localeCharset();
        String decoded = new String(name, charset);
        if (!Arrays.equals(decoded.getBytes(charset), name)) {
            throw new InvalidPathException(latin1, "this name cannot be written in the locale's character set ("
                    + charset + ")");
        }
        return FILES.getPath(decoded);
    }

    /** The bytes of {@code path}'s name, as a byte string. */
    public static String text(Path path) {
        return new String(bytes(path), StandardCharsets.ISO_8859_1);
    }

    /** The bytes of {@code path}'s name. */
    public static byte[] bytes(Path path) {
        if (TO_BYTES != null && path.getFileSystem() == FILES) {
            try {
                return ((byte[]) TO_BYTES.invokeExact(path)).clone();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return path.toString().getBytes(ArgumentBytes.localeCharset());
    }

    private static boolean ascii(byte[] name) {
        for (byte b : name) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsNul(byte[] name) {
        for (byte b : name) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** What UnixPath's string constructor does to a name: no doubled slashes, none at the end. */
    private static byte[] normalized(byte[] name) {
        byte[] out = new byte[name.length];
        int n = 0;
        for (int i = 0; i < name.length; i++) {
            if (name[i] == '/' && (n > 0 && out[n - 1] == '/')) {
                continue;
            }
            out[n++] = name[i];
        }
        if (n > 1 && out[n - 1] == '/') {
            n--;
        }
        return Arrays.copyOf(out, n);
    }
}
