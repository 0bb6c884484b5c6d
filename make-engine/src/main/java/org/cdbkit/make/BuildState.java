package org.cdbkit.make;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.cdbkit.cdb.FreshFile;

/**
 * What each target was last built from, kept next to the targets in {@code .cdbmake-all.state}:
 * per target, the SHA-256 of the source and of the cdb written. make trusts times alone; this
 * catches a source whose content changed while its time went backwards (a restored backup,
 * {@code rsync -t}, {@code git checkout}), and a cdb replaced by hand.
 *
 * <p>The file is a cache: lines it cannot read are ignored, and when it is missing or says
 * nothing of a target, the target is checked by building it afresh and comparing bytes. Targets
 * are named by their file names' bytes (written as ISO-8859-1, one char per byte), so a name
 * in any encoding is kept exactly.
 */
public final class BuildState {
    public static final String FILE_NAME = ".cdbmake-all.state";
    private static final String HEADER =
            "# cdbmake-all: target, source stamp, source SHA-256, cdb stamp, cdb SHA-256 (stamp: size/mtime/ctime/device:inode)";

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Whether anything changed since loading: a run that changes nothing leaves the file alone. */
    private volatile boolean changed;

    /**
     * What a target was built from and what it came to. The stamps (size, modification and
     * change times, device and inode) let an unchanged file skip being hashed again.
     */
    public record Entry(String sourceStamp, String sourceDigest, String targetStamp, String targetDigest) {
    }

    private BuildState(Path file) {
        this.file = file;
    }

    public static BuildState load(Path folder) {
        BuildState state = new BuildState(folder.resolve(FILE_NAME));
        try {
            for (String line : Files.readAllLines(state.file, StandardCharsets.ISO_8859_1)) {
                String[] f = line.split("\t");
                if (!line.startsWith("#") && f.length == 5 && f[2].length() == 64 && f[4].length() == 64) {
                    state.entries.put(f[0], new Entry(f[1], f[2], f[3], f[4]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // missing or unreadable: every target is checked the slow way once
        }
        return state;
    }

    /** The file the state is kept in. */
    public Path file() {
        return file;
    }

    /** What {@code target} (its file name, one char per byte) was last built from, or null. */
    public Entry get(String target) {
        return entries.get(target);
    }

    public void put(String target, Entry entry) {
        if (!entry.equals(entries.put(target, entry))) {
            changed = true;
        }
    }

    /** Writes the file anew, atomically, if anything changed. */
    public synchronized void save() throws IOException {
        if (!changed) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            Entry v = e.getValue();
            text.append(e.getKey()).append('\t').append(v.sourceStamp()).append('\t').append(v.sourceDigest())
                    .append('\t').append(v.targetStamp()).append('\t').append(v.targetDigest()).append('\n');
        }
        // a new file under a name no one can guess, renamed over the old: never written through a link
        Path tmp = file.resolveSibling(FILE_NAME + "." + UnpredictableNames.token() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel out = FreshFile.create(tmp)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
        changed = false;
    }
}
