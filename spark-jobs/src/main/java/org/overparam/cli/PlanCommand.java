package org.overparam.cli;

import org.overparam.spec.Axis;
import org.overparam.spec.CostModel;
import org.overparam.spec.Derived;
import org.overparam.spec.Grid;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.Collectors;

/** {@code overparam plan SPEC}: validate, count, show the axes, examples and a cost estimate. Runs nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Validate a sweep spec and show its points, instances, examples and a cost estimate.")
final class PlanCommand implements Callable<Integer> {

    /** Effective speed assumed to turn flops into time: one core, memory-bound kernels. */
    private static final double FLOPS_PER_CORE_SECOND = 1e9;
    private static final int MAX_VALUES_SHOWN = 12;
    private static final int EXAMPLES = 5;

    @Parameters(index = "0", paramLabel = "SPEC", description = "the sweep spec (YAML)")
    private Path specFile;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        SweepSpec spec = SpecLoader.load(specFile);
        PrintWriter out = command.commandLine().getOut();
        Grid grid = spec.grid();
        out.printf(Locale.ROOT, "sweep      %s%n", spec.name());
        out.printf(Locale.ROOT, "spec hash  %s%n", spec.hash());
        out.printf(Locale.ROOT, "points     %,d = %,d replicate%s × %,d grid cell%s%n", spec.count(),
                spec.replicates(), spec.replicates() == 1 ? "" : "s", spec.cellCount(),
                spec.cellCount() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "instances  %,d (points with the same problem, n and replicate share one)%n",
                spec.instanceCount());

        out.println("axes       (outermost first; the last varies fastest)");
        int width = grid.axes().stream().mapToInt(a -> a.name().length()).max().orElse(0);
        width = Math.max(width, "replicate".length());
        out.printf(Locale.ROOT, "  %-" + width + "s %4d  %s%n", "replicate", spec.replicates(),
                spec.replicates() == 1 ? "0" : "0 … " + (spec.replicates() - 1));
        for (Axis axis : grid.axes()) {
            out.printf(Locale.ROOT, "  %-" + width + "s %4d  %s%s%n", axis.name(), axis.size(), values(axis),
                    axis.range().map(r -> "   (range " + r + ")").orElse(""));
        }
        if (!grid.derived().isEmpty()) {
            out.println("derived");
            for (Derived d : grid.derived()) {
                out.println("  " + d);
            }
        }
        if (!grid.zip().isEmpty()) {
            out.println("zipped     " + grid.zip().stream().map(g -> "[" + String.join(", ", g) + "]")
                    .collect(Collectors.joining(" ")));
        }
        out.println("fixed");
        printFixed(out, spec.fixed(), "problem.");
        printFixed(out, spec.fixed(), "solver.");

        out.println("examples   (overparam run SPEC --point …)");
        for (long index : spec.examples(EXAMPLES)) {
            out.println("  " + spec.pointLabel(index));
        }

        double flops = totalFlops(spec);
        double hours = flops / FLOPS_PER_CORE_SECOND / 3600;
        out.printf(Locale.ROOT, "cost       ≈ %.2g flops, ≈ %s of one core at 1 Gflop/s%n", flops, duration(hours));
        out.println("           (estimate: Σ max_iters × per-iteration flops — dense n·d², rank-one n·d·R,"
                + " entries n·R; runs that stop early cost less)");
        CostModel.Largest largest = CostModel.largestPoint(spec);
        out.printf(Locale.ROOT, "memory     ≈ %s per point at most (%s); a local sweep has %s%n",
                Memory.human(largest.bytes()), largest.label(), Memory.human(Memory.executorHeap("local")));
        out.println("           (estimate: the instance as built, the Gram matrix where used, d×d or n×n work"
                + " matrices, a Lanczos basis)");
        out.println("kernels    " + dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getSimpleName() + ", "
                + dev.ludovic.netlib.lapack.LAPACK.getInstance().getClass().getSimpleName()
                + " (native OpenBLAS is used when libopenblas is installed)");
        return Overparam.OK;
    }

    private static String values(Axis axis) {
        List<String> labels = axis.labels();
        if (labels.size() <= MAX_VALUES_SHOWN) {
            return String.join(", ", labels);
        }
        return String.join(", ", labels.subList(0, MAX_VALUES_SHOWN - 2)) + ", …, "
                + labels.get(labels.size() - 1);
    }

    private static void printFixed(PrintWriter out, Map<String, String> fixed, String section) {
        String line = fixed.entrySet().stream().filter(e -> e.getKey().startsWith(section))
                .map(e -> e.getKey().substring(section.length()) + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        if (!line.isEmpty()) {
            out.printf(Locale.ROOT, "  %-8s %s%n", section.substring(0, section.length() - 1), line);
        }
    }

    /** Replicates do not change a point's cost, so one replicate's cells are summed and scaled. */
    private static double totalFlops(SweepSpec spec) {
        DoubleAdder perReplicate = new DoubleAdder();
        spec.forEachCell(point -> perReplicate.add(CostModel.runFlops(point)));
        return perReplicate.sum() * spec.replicates();
    }

    private static String duration(double hours) {
        if (hours < 1.0 / 60) {
            return String.format(Locale.ROOT, "%.2g s", hours * 3600);
        }
        if (hours < 1) {
            return String.format(Locale.ROOT, "%.2g min", hours * 60);
        }
        return String.format(Locale.ROOT, "%.2g h", hours);
    }
}
