package org.overparam.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.overparam.problem.sensing.DataForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench kernels}: the machine limits, then the achieved bandwidth of each kernel on each n, in this
 * process and on this thread (single-threaded, as a Spark task runs them; set OPENBLAS_NUM_THREADS=1 for a
 * native BLAS). Prints one {@link Reports.Machine} line, then one {@link Reports.Kernel} line per kernel and n.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Achieved memory bandwidth of Overparam's kernels against the triad, on the dense workload"
                + " of scripts/bench (d = 50, r = 2, R = 10; n = 5000, so that A (100 MB) is far beyond the caches).")
final class KernelsCommand implements Callable<Integer> {

    @Option(names = "--d", paramLabel = "D", defaultValue = "50",
            description = "matrix side (default ${DEFAULT-VALUE})")
    int d;

    @Option(names = "--r", paramLabel = "R_TRUE", defaultValue = "2",
            description = "rank of the truth (default ${DEFAULT-VALUE})")
    int r;

    @Option(names = "--n", paramLabel = "N", split = ",", defaultValue = "5000",
            description = "measurements, a comma-separated list (default ${DEFAULT-VALUE})")
    List<Integer> ns;

    @Option(names = "--R", paramLabel = "R", defaultValue = "10",
            description = "columns of the factors U, V (default ${DEFAULT-VALUE})")
    int rank;

    @Option(names = "--kernel", paramLabel = "NAME", split = ",",
            defaultValue = "dense-apply,dense-adjoint,dense-gradient,dense-gram",
            description = "kernels to time, comma-separated (default ${DEFAULT-VALUE})")
    List<String> kernels;

    @Option(names = "--batches", paramLabel = "K", defaultValue = "5",
            description = "timed batches per kernel, fastest kept (default ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "1.0",
            description = "minimum warm-up per kernel; it goes on while the JIT compiles, up to 30 s"
                    + " (default ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Mixin
    ProbeOptions probes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        Reports.Machine machine = MachineProbes.measure(plan.probes());
        out.println(Reports.line(machine));
        for (int n : ns) {
            Workload workload = Workload.denseGaussian(d, r, n, rank);
            for (KernelKind kind : plan.kinds()) {
                out.println(Reports.line(measure(kind, workload, plan.meter(), machine)));
            }
        }
        return Bench.OK;
    }

    /** The validated options. */
    record Plan(List<KernelKind> kinds, KernelMeter.Settings meter, MachineProbes.Settings probes) {
    }

    /** Checks every option before any work starts; an {@link IllegalArgumentException} names the option. */
    Plan plan() {
        positive("--d", d);
        positive("--r", r);
        positive("--R", rank);
        if (r > d) {
            throw new IllegalArgumentException("--r must be <= --d = " + d + ", got " + r);
        }
        for (int n : ns) {
            positive("--n", n);
            if ((long) n * d * d > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("--n times d*d must fit in an array, got n=" + n + ", d=" + d);
            }
        }
        positive("--batches", batches);
        if (!(warmupSeconds >= 0) || warmupSeconds > 30) {
            throw new IllegalArgumentException("--warmup-seconds must be in [0, 30], got " + warmupSeconds);
        }
        List<KernelKind> kinds = kernels.stream().map(KernelKind::of).distinct().toList();
        for (int n : ns) {
            if (kinds.contains(KernelKind.DENSE_GRAM) && DataForm.preferred(true, n, d) != DataForm.GRAM) {
                throw new IllegalArgumentException("--kernel dense-gram needs n >= 2d^2/5, got n=" + n + ", d=" + d);
            }
        }
        MachineProbes.Settings probeSettings = probes.settings();
        return new Plan(kinds, new KernelMeter.Settings(probeSettings.batchSeconds(), batches, warmupSeconds, 30),
                probeSettings);
    }

    static Reports.Kernel measure(KernelKind kind, Workload w, KernelMeter.Settings settings,
                                  Reports.Machine machine) {
        Kernel kernel = kind.create(w);
        KernelMeter.Timing t = KernelMeter.time(kernel, settings);
        KernelMeter.Batch b = t.best();
        double bytes = kernel.bytesPerCall() * b.calls();
        double gbs = bytes / b.seconds() / 1e9;
        double cpuGbs = b.cpuSeconds() > 0 ? bytes / b.cpuSeconds() / 1e9 : Double.NaN;
        return new Reports.Kernel(kind.key(), w.d(), w.r(), w.n(), w.rank(), kernel.bytesPerCall(), b.calls(),
                b.seconds(), gbs, cpuGbs, machine.triadGbs(), gbs / machine.triadGbs(), machine.readGbs(),
                gbs / machine.readGbs(), t.warmupSeconds(), t.checksum());
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        }
    }
}
