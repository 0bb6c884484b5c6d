package org.cdbkit.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the committed fixtures: {@code fixtures/} at the top of the project. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String configured = System.getProperty("cdbkit.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project's fixtures/ above " + start);
    }

    public static Path dir(String name) {
        return root().resolve("fixtures").resolve(name);
    }
}
