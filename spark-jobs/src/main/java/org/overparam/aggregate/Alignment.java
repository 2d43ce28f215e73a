package org.overparam.aggregate;

import org.overparam.cli.BadInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How two sweeps line up for {@code compare}: the one setting in which they differ (the compared setting), the axes
 * on whose values their cells are matched, and the axes one sweep varies where the other holds one value (only the
 * cells at that value take part). Any other difference refuses the comparison.
 *
 * <p>Each parameter column is, in each sweep, <em>varying</em> (an axis with several values), <em>fixed</em> (a
 * constant, or an axis with a single value) or absent. Varying in both: a shared axis. Varying in one and fixed in the
 * other: the varying side is restricted to the other's value. Fixed in both with different values: a difference;
 * exactly one is allowed, the compared setting. Present in one sweep only (a column the other's rows lack, or one that
 * varies there only along with another axis): refused. {@code sweep} and {@code master_seed} may differ freely;
 * {@code family} never.
 *
 * @param setting the compared setting, or null when the sweeps differ in no setting
 * @param valueA  its value in sweep A (null when there is no setting, or A has no such column)
 * @param valueB  its value in sweep B
 * @param shared  the axes varying in both sweeps, in A's table order: the key of a compared cell
 * @param pinA    axes of A restricted to B's single value, and that value
 * @param pinB    axes of B restricted to A's single value, and that value
 */
public record Alignment(String setting, Object valueA, Object valueB, List<String> shared, Map<String, Object> pinA,
                        Map<String, Object> pinB) {

    /** Columns that name or seed a sweep rather than set it up: they may differ between compared sweeps. */
    public static final List<String> IDENTITY = List.of("sweep", "master_seed");

    /** The column that must be equal: two families' P(bad) are not one quantity. */
    public static final String FAMILY = "family";

    public Alignment {
        shared = List.copyOf(shared);
        pinA = Collections.unmodifiableMap(new LinkedHashMap<>(pinA));
        pinB = Collections.unmodifiableMap(new LinkedHashMap<>(pinB));
    }

    /**
     * Checks the options that need no rows: {@code setting}, when given, is a parameter column that may be compared.
     *
     * @throws BadInputException naming the option and the rule
     */
    public static void checkSetting(String setting) {
        if (setting == null) {
            return;
        }
        if (!Design.PARAMETERS.contains(setting) || IDENTITY.contains(setting)) {
            throw new BadInputException("--setting: '" + setting + "' is not a setting; settings are "
                    + Design.PARAMETERS.stream().filter(p -> !IDENTITY.contains(p)).collect(Collectors.joining(", ")));
        }
        if (setting.equals(FAMILY)) {
            throw new BadInputException("--setting family: compare two sweeps of the same family");
        }
    }

    /**
     * Lines up sweeps A and B ({@code labelA}, {@code labelB}: their directories, for messages).
     *
     * @param setting the compared setting the user named, or null to find it
     * @throws BadInputException when the sweeps differ in more than the compared setting (naming the field and both
     *                           values), are of different families, or a directory holds several sweeps
     */
    public static Alignment of(AggregateJob.Sweep a, AggregateJob.Sweep b, String setting, String labelA,
                               String labelB) {
        checkSetting(setting);
        Values va = new Values(a);
        Values vb = new Values(b);
        for (String id : IDENTITY) {
            for (Values v : List.of(va, vb)) {
                if (v.varying(id)) {
                    throw new BadInputException((v == va ? labelA : labelB) + " holds several sweeps (" + id
                            + " takes the values " + v.show(id) + "): compare directories of one sweep each");
                }
            }
        }
        if (va.fixed(FAMILY) && vb.fixed(FAMILY) && !Objects.equals(va.value(FAMILY), vb.value(FAMILY))) {
            throw new BadInputException(labelA + " and " + labelB + " are sweeps of different families ("
                    + va.show(FAMILY) + " vs " + vb.show(FAMILY) + "): compare two sweeps of the same family");
        }

        Set<String> columns = new LinkedHashSet<>();
        for (String p : Design.PARAMETERS) {
            if (!IDENTITY.contains(p) && (va.present(p) || vb.present(p))) {
                columns.add(p);
            }
        }
        Set<String> varyingInBoth = new LinkedHashSet<>();
        Map<String, Object> pinA = new LinkedHashMap<>();
        Map<String, Object> pinB = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        for (String p : columns) {
            if (va.varying(p) && vb.varying(p)) {
                varyingInBoth.add(p);
            } else if (va.varying(p) && vb.fixed(p)) {
                pinA.put(p, vb.value(p));
            } else if (va.fixed(p) && vb.varying(p)) {
                pinB.put(p, va.value(p));
            } else if (!va.present(p) || !vb.present(p)) {
                // A column one sweep lacks (rows of another version), or that varies there only along with another
                // axis: not a setting the two share, so never the compared one.
                throw new BadInputException(labelA + " and " + labelB + " differ in " + describe(p, va, vb)
                        + ": compare sweeps that have the same settings, differing in one");
            } else if (!Objects.equals(va.value(p), vb.value(p))) {
                differing.add(p);
            }
        }

        String compared;
        if (setting != null) {
            if (va.varying(setting) || vb.varying(setting)) {
                throw new BadInputException("--setting " + setting + ": " + setting + " varies within "
                        + (va.varying(setting) ? labelA : labelB) + " (" + (va.varying(setting) ? va : vb)
                        .show(setting) + "); the compared setting has one value in each sweep");
            }
            if (!va.present(setting) && !vb.present(setting)) {
                throw new BadInputException("--setting " + setting + ": neither sweep has the column " + setting);
            }
            if (!differing.contains(setting)) {
                throw new BadInputException("--setting " + setting + ": both sweeps have " + setting + " = "
                        + va.show(setting) + (differing.isEmpty() ? "" : "; they differ in " + describe(
                        differing.get(0), va, vb)));
            }
            compared = setting;
            differing.remove(setting);
            if (!differing.isEmpty()) {
                throw new BadInputException(labelA + " and " + labelB + " differ in " + describe(differing.get(0), va,
                        vb) + " besides the compared setting " + describe(setting, va, vb)
                        + ": compare sweeps that differ in one setting");
            }
        } else if (differing.size() > 1) {
            throw new BadInputException(labelA + " and " + labelB + " differ in " + differing.stream()
                    .map(p -> describe(p, va, vb)).collect(Collectors.joining(" and ")) + ": compare sweeps that"
                    + " differ in one setting");
        } else {
            compared = differing.isEmpty() ? null : differing.get(0);
        }
        List<String> shared = a.table().axes().stream().filter(varyingInBoth::contains).toList();
        return new Alignment(compared, compared == null ? null : va.value(compared),
                compared == null ? null : vb.value(compared), shared, pinA, pinB);
    }

    /** Remarks for the reader: the restricted axes. */
    public List<String> notes(String nameA, String nameB) {
        List<String> notes = new ArrayList<>();
        pinA.forEach((p, v) -> notes.add(pinNote(p, v, "A", nameA, "B")));
        pinB.forEach((p, v) -> notes.add(pinNote(p, v, "B", nameB, "A")));
        return notes;
    }

    /** The compared setting and its two values, e.g. {@code alpha: 0.1 in A, 0.001 in B}, or why there is none. */
    public String describeSetting() {
        if (setting == null) {
            return "none: the sweeps share every setting (only their names or seeds may differ)";
        }
        return setting + ": " + shown(valueA) + " in A, " + shown(valueB) + " in B";
    }

    private static String pinNote(String p, Object v, String side, String name, String other) {
        return p + " varies in " + side + " (" + name + ") but is " + Labels.value(v) + " throughout " + other
                + ": only " + side + "'s cells at " + Labels.assignment(p, v) + " are compared";
    }

    /** {@code step (armijo vs fixed)}. */
    private static String describe(String p, Values a, Values b) {
        return p + " (" + a.show(p) + " vs " + b.show(p) + ")";
    }

    private static String shown(Object v) {
        return Labels.value(v);
    }

    /** A sweep's parameter values: its constants, and the distinct values of each axis in its table. */
    private static final class Values {

        private final Map<String, Set<Object>> values = new LinkedHashMap<>();

        Values(AggregateJob.Sweep s) {
            s.design().constants().forEach((p, v) -> values.put(p, Collections.singleton(v)));
            List<String> axes = s.table().axes();
            for (int i = 0; i < axes.size(); i++) {
                Set<Object> distinct = new LinkedHashSet<>();
                for (Cell c : s.table().cells()) {
                    distinct.add(c.key().get(i));
                }
                values.put(axes.get(i), distinct);
            }
        }

        boolean present(String p) {
            return values.containsKey(p);
        }

        boolean varying(String p) {
            return present(p) && values.get(p).size() > 1;
        }

        boolean fixed(String p) {
            return present(p) && values.get(p).size() == 1;
        }

        /** The single value of a fixed column. */
        Object value(String p) {
            return fixed(p) ? values.get(p).iterator().next() : null;
        }

        /** The value, the values in order, or "no such setting" for a column the sweep does not have as one. */
        String show(String p) {
            if (!present(p)) {
                return "no such setting";
            }
            if (fixed(p)) {
                return Labels.value(value(p));
            }
            Set<Object> sorted = new TreeSet<>(Panel.VALUE_ORDER);
            sorted.addAll(values.get(p));
            return sorted.stream().map(Labels::value).collect(Collectors.joining(", "));
        }
    }
}
