package org.overparam.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** How the project's command lines (overparam, bench) report a mistake: one line, never a stack trace. */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * Prints "{@code program}: what is wrong; did you mean …? (see '… --help')" on the command's error stream and
     * returns {@code exitCode}.
     */
    public static int badOptions(ParameterException ex, String program, int exitCode) {
        CommandLine where = ex.getCommandLine();
        String hint = "";
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        where.getErr().println(program + ": " + oneLine(ex.getMessage()) + hint + " (see '"
                + where.getCommandSpec().qualifiedName() + " --help')");
        return exitCode;
    }

    /** A possibly multi-line message as one line, its lines joined by "; ". */
    public static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
