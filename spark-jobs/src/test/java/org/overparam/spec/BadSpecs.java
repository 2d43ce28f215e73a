package org.overparam.spec;

import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The malformed specs under {@code src/test/resources/specs/bad}: each file says what the refusal must contain in
 * its leading {@code # expect: <fragment>} lines (key and rule).
 */
public final class BadSpecs {

    private static final String EXPECT = "# expect: ";

    private BadSpecs() {
    }

    public static Path directory() {
        try {
            return Path.of(BadSpecs.class.getResource("/specs/bad").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** (file name, path, expected fragments), sorted by file name. */
    public static Stream<Arguments> cases() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .map(p -> Arguments.of(p.getFileName().toString(), p, expectations(p))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> expectations(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(EXPECT))
                    .map(l -> l.substring(EXPECT.length()).strip()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
