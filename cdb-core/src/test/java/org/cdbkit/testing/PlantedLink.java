package org.cdbkit.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * What someone who can write to a folder may leave at the name a tool writes its temporary
 * file under, to make it write somewhere else: a link to a victim file. The tool must replace
 * the link, never write through it.
 */
public enum PlantedLink {
    /** A symbolic link to an existing file. */
    SYMLINK,
    /** Another name of the victim file: writing the name writes the victim. */
    HARD_LINK,
    /** A symbolic link to a file that does not exist: following it would create that file. */
    DANGLING_SYMLINK;

    /** What the victim holds; the tests check it keeps every byte. */
    public static final byte[] VICTIM_BYTES = "the victim's own bytes: not a cdb\n".getBytes(StandardCharsets.US_ASCII);

    /** Every kind of link, each with good input and with bad: the arguments of a parameterized test. */
    public static Stream<Arguments> withGoodAndBadInput() {
        return Arrays.stream(values()).flatMap(link -> Stream.of(Arguments.of(link, true), Arguments.of(link, false)));
    }

    /** Puts this kind of link at {@code name}, to {@code victim}, which is created unless the link is dangling. */
    public void plant(Path name, Path victim) throws IOException {
        if (this != DANGLING_SYMLINK) {
            Files.write(victim, VICTIM_BYTES);
        }
        if (this == HARD_LINK) {
            Files.createLink(name, victim);
        } else {
            Files.createSymbolicLink(name, victim);
        }
    }

    /** Puts this kind of link at {@code name}, to a victim beside it; returns the victim. */
    public Path plantAt(Path name) throws IOException {
        Path victim = name.resolveSibling("victim-of-" + name.getFileName());
        plant(name, victim);
        return victim;
    }

    /** The victim as it was planted: the same bytes, or still absent for a dangling link. */
    public void assertUntouched(Path victim) throws IOException {
        if (this == DANGLING_SYMLINK) {
            assertFalse(Files.exists(victim, LinkOption.NOFOLLOW_LINKS), "the dangling link's target was created");
        } else {
            assertArrayEquals(VICTIM_BYTES, Files.readAllBytes(victim), "the victim was written through the link");
        }
    }
}
