package org.overparam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line holds only the command it runs, and every command when the first word names none. */
class SubcommandsTest {

    private static Set<String> subcommands(String first) {
        CommandLine cl = Overparam.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                first);
        return cl.getSubcommands().keySet();
    }

    @Test
    void aNamedCommandComesAlone() {
        for (String name : List.of("plan", "run", "sweep", "refine", "aggregate", "compare", "inspect")) {
            assertEquals(Set.of(name), subcommands(name));
        }
    }

    @Test
    void anythingElseGetsThemAll() {
        for (String first : new String[] {null, "--help", "-V", "swep", ""}) {
            assertEquals(Overparam.SUBCOMMANDS.size(), subcommands(first).size(), String.valueOf(first));
        }
    }
}
