package org.overparam.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench machine}: the machine limits alone, one {@link Reports.Machine} line. */
@Command(name = "machine", mixinStandardHelpOptions = true,
        description = "Triad and read bandwidth of one thread, and the in-cache dgemv rate of the BLAS in use.")
final class MachineCommand implements Callable<Integer> {

    @Mixin
    ProbeOptions probes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Reports.line(MachineProbes.measure(probes.settings())));
        return Bench.OK;
    }
}
