package org.cdbkit.make;

import java.nio.file.Path;

/**
 * How file names become text and back. Names are matched and combined as text (a Makefile's
 * words are text, {@code X.cdb} is {@code X}'s name and ".cdb"), so the two directions must be
 * exact inverses or a name that is not in the locale's charset turns into another file. The
 * tools pass one that is exact for every byte (cli-common's FileNames: one char per byte);
 * {@link #PLATFORM} is the JDK's own, exact for names the locale can spell.
 */
public interface FileNameCodec {
    /** The JDK's conversion, through the locale's charset. */
    FileNameCodec PLATFORM = new FileNameCodec() {
        @Override
        public String text(Path path) {
            return path.toString();
        }

        @Override
        public Path path(String text) {
            return Path.of(text);
        }
    };

    String text(Path path);

    Path path(String text);

    /** The file next to {@code file} named by its own name between {@code prefix} and {@code suffix}. */
    default Path sibling(Path file, String prefix, String suffix) {
        return file.resolveSibling(path(prefix + text(file.getFileName()) + suffix));
    }
}
