package org.overparam.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.overparam.experiment.Experiment;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.RunResult;
import org.overparam.io.CodeVersion;
import org.overparam.io.Columns;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.CostModel;
import org.overparam.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code overparam run SPEC --point R=4,alpha=1e-3,n=96,replicate=0}: one point in-process, its row as JSON. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one point of a sweep in this process and print its row as one JSON object.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "the sweep spec (YAML)")
    private Path specFile;

    @Option(names = "--point", required = true, paramLabel = "NAME=VALUE,…",
            description = "the point, e.g. R=4,alpha=1e-3,n=96,replicate=0: every axis with more than one value,"
                    + " and replicate (see 'overparam plan SPEC' for examples)")
    private String point;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() throws JsonProcessingException {
        SweepSpec spec = SpecLoader.load(specFile);
        RunConfig config = spec.point(point);
        long bytes = CostModel.pointBytes(config);
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new BadInputException("this point needs about " + Memory.human(bytes) + " of heap, more than this"
                    + " JVM's " + Memory.human(heap) + " (raise it with JVM_OPTS=-Xmx…, or lower its sizes)");
        }
        RunResult result = Experiment.run(config);
        command.commandLine().getOut().println(json(spec.name(), result));
        return Overparam.OK;
    }

    /** The row as one line of JSON, columns in {@link Columns#ALL} order, non-finite numbers as null. */
    static String json(String sweep, RunResult result) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(Columns.toMap(sweep, CodeVersion.get(), result));
    }
}
