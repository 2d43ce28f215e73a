package org.overparam.spec;

import org.overparam.experiment.Explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked {@link WrittenSpec} → its {@link Expansion}: one slot per {@link Param} then per helper (by name),
 * each with its base value (fixed or the family's default) and where the spec sets it; the grid axes and zip
 * groups as dimensions, instance dimensions first; the derived axes as steps in evaluation order.
 */
final class ExpansionBuilder {

    /** A sweep larger than this is refused: it is almost certainly a mistake in a range or a replicate count. */
    static final long MAX_POINTS = 10_000_000L;

    private ExpansionBuilder() {
    }

    /** The expansion, or null after adding a problem when the sweep has more than {@link #MAX_POINTS} points. */
    static Expansion build(WrittenSpec spec, Explicit explicit, Problems problems) {
        Map<String, Axis> grid = spec.grid();
        Map<String, Derived> derived = spec.derived();
        Param[] params = Param.values();
        List<String> helpers = new ArrayList<>(new TreeSet<>(grid.keySet().stream()
                .filter(k -> Param.byKey(k).isEmpty()).toList()));
        derived.keySet().stream().filter(k -> Param.byKey(k).isEmpty() && !helpers.contains(k)).sorted()
                .forEach(helpers::add);
        List<String> slotNames = new ArrayList<>(Arrays.stream(params).map(Param::key).toList());
        slotNames.addAll(helpers);
        int slots = slotNames.size();

        double[] base = new double[slots];
        String[] locations = new String[slots];
        Arrays.fill(base, Double.NaN);
        for (Param p : params) {
            base[p.ordinal()] = spec.fixedOrDefault(p);
            locations[p.ordinal()] = p.fixedKey();
        }
        for (int s = 0; s < slots; s++) {
            String n = slotNames.get(s);
            if (grid.containsKey(n)) {
                locations[s] = "grid." + n;
            } else if (derived.containsKey(n)) {
                locations[s] = "derived." + n;
            }
        }

        Set<String> instance = instanceSlots(derived);
        List<Expansion.Dim> dims = new ArrayList<>();
        Set<String> zipped = new HashSet<>();
        for (List<String> group : spec.zip()) {
            zipped.addAll(group);
            dims.add(dim(grid, group, slotNames, instance));
        }
        for (String n : grid.keySet()) {
            if (!zipped.contains(n)) {
                dims.add(dim(grid, List.of(n), slotNames, instance));
            }
        }
        dims.sort(Comparator.comparing((Expansion.Dim d) -> !d.instance()).thenComparingInt(d -> d.slots()[0]));

        int replicates = spec.replicates();
        double total = replicates;
        for (Expansion.Dim d : dims) {
            total *= d.size();
        }
        if (total > MAX_POINTS) {
            double cells = total / replicates;
            problems.add("grid", null, String.format(Locale.ROOT,
                    "the sweep has %,.0f points (%,d replicates × %,.0f grid cells); the limit is %,d", total,
                    replicates, cells, MAX_POINTS));
            return null;
        }

        List<Expansion.Step> steps = new ArrayList<>();
        for (Derived d : spec.derivedInOrder()) {
            steps.add(new Expansion.Step(d, slotNames.indexOf(d.name()),
                    d.inputs().stream().mapToInt(slotNames::indexOf).toArray()));
        }
        return new Expansion(spec.seed(), replicates, slotNames, locations, base, dims.toArray(Expansion.Dim[]::new),
                steps.toArray(Expansion.Step[]::new), explicit);
    }

    /** The problem's slots and n, and (transitively) whatever a derived instance slot is made from. */
    private static Set<String> instanceSlots(Map<String, Derived> derived) {
        Set<String> instance = new HashSet<>();
        Arrays.stream(Param.values()).filter(Param::instanceLevel).forEach(p -> instance.add(p.key()));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Derived d : derived.values()) {
                if (instance.contains(d.name())) {
                    for (String f : d.inputs()) {
                        grew |= instance.add(f);
                    }
                }
            }
        }
        return instance;
    }

    private static Expansion.Dim dim(Map<String, Axis> grid, List<String> names, List<String> slotNames,
                                     Set<String> instance) {
        List<String> sorted = names.stream().sorted(Comparator.comparingInt(slotNames::indexOf)).toList();
        Axis[] members = sorted.stream().map(grid::get).toArray(Axis[]::new);
        int[] slots = sorted.stream().mapToInt(slotNames::indexOf).toArray();
        return new Expansion.Dim(members, slots, sorted.stream().anyMatch(instance::contains));
    }
}
