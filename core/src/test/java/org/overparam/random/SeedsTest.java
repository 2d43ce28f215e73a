package org.overparam.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SeedsTest {

    /** Cases written by golden/seeds_golden.py, an independent Python implementation. */
    static Stream<String[]> golden() throws IOException {
        try (InputStream in = SeedsTest.class.getResourceAsStream("/golden/seeds_golden.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split("\t", -1))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("golden")
    void hashMatchesTheIndependentImplementation(String seed, String text, String expected) {
        assertEquals(Long.parseLong(expected), Seeds.hash(Long.parseLong(seed), text));
    }

    @Test
    void hashSeparatesSeedsAndTexts() {
        assertNotEquals(Seeds.hash(1, "R=1"), Seeds.hash(2, "R=1"));
        assertNotEquals(Seeds.hash(1, "R=1"), Seeds.hash(1, "R=2"));
        assertNotEquals(Seeds.hash(1, ""), Seeds.hash(1, "\0"));
    }

    @Test
    void generatorIsReproducible() {
        var a = Seeds.generator(99);
        var b = Seeds.generator(99);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextGaussian(), b.nextGaussian(), 0);
        }
    }
}
