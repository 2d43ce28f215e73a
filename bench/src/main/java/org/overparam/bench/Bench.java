package org.overparam.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.overparam.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the in-process half of {@code scripts/bench} — the machine's memory bandwidth, the achieved
 * bandwidth of Overparam's kernels, and the rows a timed sweep wrote. Every command prints JSON lines on stdout
 * ({@link Reports}). Exit codes as {@code overparam}'s: 0, 2 for bad options (one line on stderr), 1 otherwise.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Machine limits, kernel bandwidth and sweep rows for scripts/bench, as JSON lines.",
        subcommands = {MachineCommand.class, KernelsCommand.class, RowsCommand.class})
public final class Bench implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_OPTIONS = 2;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (0, 1 or 2). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Bench());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Bench::badOptions);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine));
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    private static int badOptions(ParameterException ex, String[] args) {
        return CommandLines.badOptions(ex, "bench", BAD_OPTIONS);
    }

    private static int failed(Exception ex, CommandLine where) {
        PrintWriter err = where.getErr();
        if (ex instanceof ParameterException p) {
            return badOptions(p, new String[0]);
        }
        if (ex instanceof IllegalArgumentException) {
            err.println("bench: " + oneLine(ex.getMessage()) + " (see '" + where.getCommandSpec().qualifiedName()
                    + " --help')");
            return BAD_OPTIONS;
        }
        err.println("bench: " + where.getCommandSpec().name() + " failed: " + oneLine(String.valueOf(ex)));
        ex.printStackTrace(err);
        return FAILED;
    }

    private static String oneLine(String message) {
        return CommandLines.oneLine(message);
    }
}
