package org.overparam.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every help text is a format string (picocli passes descriptions through {@link String#format}): a stray '%'
 * makes picocli print a warning above the help and show the text unformatted.
 */
class HelpTextTest {

    @Test
    void everyDescriptionIsAValidFormatString() {
        CommandLine root = Overparam.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                null);
        List<CommandSpec> commands = new ArrayList<>();
        commands.add(root.getCommandSpec());
        root.getSubcommands().values().forEach(c -> commands.add(c.getCommandSpec()));
        for (CommandSpec command : commands) {
            List<String> texts = new ArrayList<>(List.of(command.usageMessage().description()));
            for (ArgSpec arg : command.args()) {
                texts.addAll(List.of(arg.description()));
            }
            for (String text : texts) {
                assertDoesNotThrow(() -> String.format(text), () -> command.qualifiedName() + ": " + text);
            }
        }
    }
}
