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

    /** The names, sorted and without the suffix, of the files in {@code dir} that end in {@code suffix}. */
    public static java.util.List<String> names(Path dir, String suffix) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted()
                    .map(n -> n.substring(0, n.length() - suffix.length()))
                    .collect(java.util.stream.Collectors.toList());
        }
    }

    public static Path dir(String name) {
        return root().resolve("fixtures").resolve(name);
    }
}
