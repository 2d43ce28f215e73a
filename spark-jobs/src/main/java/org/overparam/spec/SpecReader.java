package org.overparam.spec;

import org.overparam.experiment.Explicit;

import java.util.Arrays;
import java.util.List;

/**
 * The one place where YAML text becomes a {@link SweepSpec}, in stages that each refuse with every problem they
 * found (so a user sees them all at once): each key on its own ({@link SpecTreeReader}); the rules across keys
 * ({@link CrossChecks}, {@link ExplicitCheck}, {@link RequiredKeys}); then every grid cell is built through the
 * core records ({@link ExpansionBuilder}, {@link CellCheck}) so that their cross-field rules (r ≤ d, noise needs
 * λ &gt; 0, …) are checked before any work starts.
 */
final class SpecReader {

    private SpecReader() {
    }

    static SweepSpec read(String yaml) {
        Problems problems = new Problems();
        WrittenSpec written = SpecTreeReader.read(YamlTree.read(yaml), problems);

        CrossChecks.run(written, problems);
        Explicit explicit = ExplicitCheck.explicit(written.data(), problems);
        WrittenSpec spec = written.withImpliedDefaults();
        RequiredKeys.check(spec, problems);
        problems.throwIfAny();

        Expansion expansion = ExpansionBuilder.build(spec, explicit, problems);
        problems.throwIfAny();
        long instances = CellCheck.run(expansion, problems);
        problems.throwIfAny();

        return new SweepSpec(spec.name(), spec.seed(), spec.replicates(), grid(spec, expansion),
                SpecPrinter.fixedLabels(spec), expansion, instances, SpecPrinter.normalized(spec));
    }

    /** The axes in iteration order, the derived axes in evaluation order, and the zip groups as iterated. */
    private static Grid grid(WrittenSpec spec, Expansion expansion) {
        List<Axis> axes = Arrays.stream(expansion.dims()).flatMap(d -> Arrays.stream(d.members())).toList();
        List<List<String>> zip = Arrays.stream(expansion.dims()).filter(d -> d.members().length > 1)
                .map(d -> Arrays.stream(d.members()).map(Axis::name).toList()).toList();
        return new Grid(axes, spec.derivedInOrder(), zip);
    }
}
