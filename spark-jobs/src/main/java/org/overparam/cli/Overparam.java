package org.overparam.cli;

import org.overparam.io.CodeVersion;
import org.overparam.spec.SpecError;
import org.overparam.spec.SpecProblem;
import org.overparam.sweep.CompilerPolicy;
import org.overparam.sweep.SweepFailure;
import org.overparam.sweep.SweepInterrupted;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code overparam}: plan and run parameter sweeps. The entry point of {@code scripts/overparam} and of the jar
 * that {@code spark-submit} runs.
 */
@Command(name = "overparam", mixinStandardHelpOptions = true, versionProvider = Overparam.Version.class,
        description = "Measures how over-parameterization changes non-convex landscapes: certified solver runs"
                + " over grids of (R, alpha, n, seed).")
public final class Overparam implements Callable<Integer> {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    /** Ctrl-C: 128 + SIGINT, as shells report it; the JVM exits with it on the signal. */
    public static final int INTERRUPTED = 130;

    /**
     * The subcommands, in the order {@code --help} lists them. A new command ({@code sweep}, {@code aggregate})
     * is one more entry here; suppliers give every {@link CommandLine} fresh instances.
     */
    static final List<Supplier<Object>> SUBCOMMANDS = List.of(
            PlanCommand::new,
            RunCommand::new,
            SweepCommand::new,
            RefineCommand::new,
            AggregateCommand::new,
            CompareCommand::new,
            InspectCommand::new);

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        CompilerPolicy.install();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (0, 1 or 2). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err, args.length > 0 ? args[0] : null).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line with every subcommand, or with only {@code first}'s when that names one: picocli inspects
     * each subcommand's annotations as it is added (its classes are Java 5 bytecode, which the class-data archive
     * skips), and a command needs only its own. Anything else (no command, {@code --help}, a misspelled command)
     * gets them all, for the listing and the suggestions.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
        CommandLine cl = new CommandLine(new Overparam());
        List<Object> commands = SUBCOMMANDS.stream().map(Supplier::get).toList();
        List<Object> named = commands.stream()
                .filter(c -> c.getClass().getAnnotation(Command.class).name().equals(first)).toList();
        for (Object sub : named.isEmpty() ? commands : named) {
            cl.addSubcommand(sub);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Overparam::badOptions);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr()));
        return cl;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    private static int badOptions(ParameterException ex, String[] args) {
        return CommandLines.badOptions(ex, "overparam", BAD_INPUT);
    }

    private static int failed(Exception ex, PrintWriter err) {
        if (ex instanceof SweepInterrupted) {
            return INTERRUPTED; // the interruption said what it had to say
        }
        if (ex instanceof SpecError e) {
            for (SpecProblem p : e.problems()) {
                err.println("overparam: " + oneLine(p.message()));
            }
            return BAD_INPUT;
        }
        if (ex instanceof BadInputException || ex instanceof ParameterException) {
            err.println("overparam: " + oneLine(ex.getMessage()));
            return BAD_INPUT;
        }
        if (ex instanceof SweepFailure) {
            err.println("overparam: " + oneLine(ex.getMessage()));
            return INTERNAL_ERROR;
        }
        // A bug, not bad input: the trace goes after the one-line summary.
        err.println("overparam: internal error: " + oneLine(String.valueOf(ex)));
        ex.printStackTrace(err);
        return INTERNAL_ERROR;
    }

    private static String oneLine(String message) {
        return CommandLines.oneLine(message);
    }

    /** {@code --version}: the code version written into every row. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"overparam " + CodeVersion.get()};
        }
    }
}
