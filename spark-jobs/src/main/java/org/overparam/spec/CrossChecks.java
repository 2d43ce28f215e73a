package org.overparam.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules between the sections of a {@link WrittenSpec}: a parameter is set in one place, derived products
 * use names that exist and form no cycle, every helper is used, and zip groups name distinct grid axes of equal
 * length. Problems are added in that order.
 */
final class CrossChecks {

    private final WrittenSpec spec;
    private final Map<String, Axis> grid;
    private final Map<String, Derived> derived;
    private final Problems problems;

    private CrossChecks(WrittenSpec spec, Problems problems) {
        this.spec = spec;
        this.grid = spec.grid();
        this.derived = spec.derived();
        this.problems = problems;
    }

    static void run(WrittenSpec spec, Problems problems) {
        new CrossChecks(spec, problems).run();
    }

    private void run() {
        for (Axis axis : grid.values()) {
            axis.param().filter(spec.fixed()::containsKey).ifPresent(p -> problems.add("grid." + axis.name(), null,
                    axis.name() + " is also set in " + p.fixedKey() + "; set it in one place"));
        }
        for (Derived d : derived.values()) {
            String key = "derived." + d.name();
            if (grid.containsKey(d.name())) {
                problems.add(key, null, d.name() + " is also a grid axis; an axis is either listed or derived");
            }
            Param.byKey(d.name()).filter(spec.fixed()::containsKey).ifPresent(p -> problems.add(key, null,
                    d.name() + " is also set in " + p.fixedKey() + "; set it in one place"));
            for (String f : d.factors()) {
                checkInput(key + ".product", f);
            }
            for (String f : d.addends()) {
                checkInput(key + ".plus", f);
            }
        }
        checkCycles();
        checkHelpersUsed();
        checkZip();
    }

    /** A name in a derived product or sum: an axis, a derived axis, or a fixed numeric parameter. */
    private void checkInput(String key, String f) {
        if (grid.containsKey(f) || derived.containsKey(f)) {
            return;
        }
        Optional<Param> p = Param.byKey(f);
        if (p.isPresent() && p.get().kind() == Param.Kind.CHOICE) {
            problems.add(key, "'" + f + "'", f + " is a choice, not a number");
        } else if (p.isPresent() && p.get().section() == Param.Section.AXIS) {
            problems.add(key, "'" + f + "'", f + " is not a grid axis of this spec");
        } else if (p.isEmpty()) {
            Set<String> names = new TreeSet<>(grid.keySet());
            names.addAll(derived.keySet());
            names.addAll(GridReader.PARAM_KEYS);
            problems.add(key, "'" + f + "'", "unknown axis or parameter" + Suggest.didYouMean(f, names));
        }
    }

    /** The first cycle found among derived axes, if any: one problem is enough to show it. */
    private void checkCycles() {
        Set<String> done = new HashSet<>();
        for (String start : derived.keySet()) {
            List<String> cycle = findCycle(start, new ArrayList<>(), done);
            if (cycle != null) {
                problems.add("derived", null, "derived axes form a cycle: " + String.join(" -> ", cycle));
                return;
            }
        }
    }

    private List<String> findCycle(String at, List<String> path, Set<String> done) {
        if (path.contains(at)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
            cycle.add(at);
            return cycle;
        }
        if (done.contains(at) || !derived.containsKey(at)) {
            return null;
        }
        path.add(at);
        for (String f : derived.get(at).inputs()) {
            List<String> cycle = findCycle(f, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(at);
        return null;
    }

    /** A name that is not a parameter (in grid or derived) is a helper, and must feed a derived product. */
    private void checkHelpersUsed() {
        Set<String> referenced = derived.values().stream().flatMap(d -> d.inputs().stream())
                .collect(Collectors.toSet());
        for (Axis axis : grid.values()) {
            if (axis.param().isEmpty() && !referenced.contains(axis.name())) {
                problems.add("grid." + axis.name(), null, "unknown axis" + Suggest.didYouMean(axis.name(),
                        GridReader.PARAM_KEYS) + " (a name that is not a parameter is a helper axis, and must be"
                        + " used by a derived product)");
            }
        }
        for (Derived d : derived.values()) {
            if (Param.byKey(d.name()).isEmpty() && !referenced.contains(d.name())) {
                problems.add("derived." + d.name(), null, "unknown parameter" + Suggest.didYouMean(d.name(),
                        GridReader.PARAM_KEYS) + " (a helper must be used by another derived product)");
            }
        }
    }

    private void checkZip() {
        Set<String> zipped = new HashSet<>();
        List<List<String>> zip = spec.zip();
        for (int i = 0; i < zip.size(); i++) {
            List<String> group = zip.get(i);
            String key = "zip[" + i + "]";
            if (group.size() < 2) {
                problems.add(key, group.toString(), "a zip group needs at least two axes");
                continue;
            }
            boolean ok = true;
            for (String n : group) {
                if (derived.containsKey(n)) {
                    problems.add(key, "'" + n + "'", n + " is derived; a derived axis cannot also be zipped");
                    ok = false;
                } else if (!grid.containsKey(n)) {
                    problems.add(key, "'" + n + "'", "not a grid axis" + Suggest.didYouMean(n, grid.keySet()));
                    ok = false;
                } else if (!zipped.add(n)) {
                    problems.add(key, "'" + n + "'", n + " is in more than one zip group");
                    ok = false;
                }
            }
            if (ok && group.stream().mapToInt(n -> grid.get(n).size()).distinct().count() > 1) {
                problems.add(key, group.toString(), "zipped axes need equal lengths, got " + group.stream()
                        .map(n -> n + " (" + grid.get(n).size() + " values)").collect(Collectors.joining(", ")));
            }
        }
    }
}
