package org.overparam.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every malformed spec is refused by the loader with a message naming the key and the rule. */
class BadSpecTest {

    /**
     * The table must stay large enough to cover the refusals README lists (the rules of “Sweep spec”, and the bad
     * input of exit code 2 in “Commands”).
     */
    private static final int MIN_CASES = 25;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return BadSpecs.cases();
    }

    @Test
    void theTableIsLargeAndEveryFileStatesItsExpectation() {
        List<org.junit.jupiter.params.provider.Arguments> all = BadSpecs.cases().toList();
        assertTrue(all.size() >= MIN_CASES, "only " + all.size() + " bad specs");
        for (var a : all) {
            assertFalse(((List<?>) a.get()[2]).isEmpty(), a.get()[0] + " has no '# expect:' line");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithKeyAndRule(String name, Path file, List<String> expected) {
        SpecError error = assertThrows(SpecError.class, () -> SpecLoader.load(file));
        for (String fragment : expected) {
            assertTrue(error.getMessage().contains(fragment),
                    () -> name + ": expected '" + fragment + "' in:\n" + error.getMessage());
        }
        SpecProblem first = error.problems().get(0);
        assertEquals(first.key(), error.key());
        assertTrue(first.message().startsWith(first.key().isEmpty() ? "" : first.key() + ": "));
        assertFalse(first.rule().isBlank());
    }
}
