package org.overparam.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.overparam.experiment.Explicit;
import org.overparam.experiment.ExplicitCost;
import org.overparam.experiment.ExplicitMeasurements;
import org.overparam.experiment.Family;
import org.overparam.experiment.OperatorKind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where a YAML tree becomes a {@link SweepSpec}: every key is checked for name, type and rule,
 * problems are collected (so a user sees them all at once), and then every grid cell is built through the core
 * records so that their cross-field rules (r ≤ d, noise needs λ &gt; 0, …) are checked before any work starts.
 */
final class SpecReader {

    /** A sweep larger than this is refused: it is almost certainly a mistake in a range or a replicate count. */
    static final long MAX_POINTS = 10_000_000L;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Longest sweep name: the partition directory sweep=NAME must fit a file name's 255 bytes. */
    static final int MAX_NAME = 200;
    private static final Pattern HELPER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TOP = List.of("name", "seed", "replicates", "problem", "solver", "grid",
            "derived", "zip");
    private static final List<String> RANGE_KEYS = List.of("from", "to", "steps", "scale");
    private static final List<String> DERIVED_KEYS = List.of("product", "scale", "plus", "round");
    private static final List<String> ROUNDINGS = List.of("nearest", "up", "down");
    private static final List<String> SCALES = List.of("linear", "log");

    private final Problems problems = new Problems();
    private final Values scalars = new Values(problems);
    /** Keys that were written (valid or not), so a broken key is not also reported as missing. */
    private final Set<String> written = new HashSet<>();
    private final EnumMap<Param, Double> fixed = new EnumMap<>(Param.class);
    private final Set<Param> inSection = new HashSet<>();
    private final Map<String, Axis> grid = new LinkedHashMap<>();
    private final Map<String, Derived> derived = new LinkedHashMap<>();
    private final List<List<String>> zip = new ArrayList<>();
    private String name;
    private long seed;
    private int replicates = 1;
    private double[][][] matrices;
    private double[][] truth;
    private double[][] cost;

    private SpecReader() {
    }

    static SweepSpec read(String yaml) {
        JsonNode root = YamlTree.read(yaml);
        return new SpecReader().build(root);
    }

    private SweepSpec build(JsonNode root) {
        if (root == null || root.isNull()) {
            throw new SpecError("", null, "the spec is empty: expected a mapping with name, seed, problem and grid");
        }
        if (!root.isObject()) {
            throw new SpecError("", Values.show(root), "a spec must be a mapping of keys (name, seed, problem, grid, …)");
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP.contains(k)) {
                misplaced(k, k, TOP);
            }
        });
        readName(root.get("name"));
        readSeed(root.get("seed"));
        readReplicates(root.get("replicates"));
        readSection("problem", root.get("problem"), Param.Section.PROBLEM, true);
        readSection("solver", optional(root, "solver"), Param.Section.SOLVER, false);
        readGrid(root.get("grid"));
        readDerived(optional(root, "derived"));
        readZip(optional(root, "zip"));
        problems.throwIfAny();

        crossCheck();
        Explicit explicit = explicit();
        applyImpliedDefaults();
        required();
        problems.throwIfAny();

        Expansion expansion = expansion(explicit);
        problems.throwIfAny();
        long instances = expansion == null ? 0 : CellCheck.run(expansion, problems);
        problems.throwIfAny();

        List<Axis> axesInOrder = Arrays.stream(expansion.dims())
                .flatMap(d -> Arrays.stream(d.members())).toList();
        List<List<String>> zipInOrder = Arrays.stream(expansion.dims()).filter(d -> d.members().length > 1)
                .map(d -> Arrays.stream(d.members()).map(Axis::name).toList()).toList();
        List<Derived> derivedInOrder = topologicalOrder();
        Grid model = new Grid(axesInOrder, derivedInOrder, zipInOrder);
        return new SweepSpec(name, seed, replicates, model, fixedLabels(), expansion, instances, normalized());
    }

    // ---------------------------------------------------------------- top level

    /** An optional section written with nothing after its colon is an empty section. */
    private static JsonNode optional(JsonNode root, String key) {
        JsonNode node = root.get(key);
        return node == null || node.isNull() ? null : node;
    }

    private void readName(JsonNode node) {
        if (node == null) {
            problems.add("name", null, "required key is missing (letters, digits, '.', '_' and '-')");
        } else if (!node.isTextual()) {
            problems.add("name", Values.show(node), "expected text (quote it if it looks like a number)");
        } else if (!NAME.matcher(node.textValue()).matches() || node.textValue().matches("\\.+")) {
            problems.add("name", Values.show(node), "a name is letters, digits, '.', '_' and '-' only (it names a directory)");
        } else if (node.textValue().length() > MAX_NAME) {
            problems.add("name", node.textValue().substring(0, 20) + "… (" + node.textValue().length()
                    + " characters)", "a name has at most " + MAX_NAME + " characters (it names a directory,"
                    + " and file systems limit a name to 255 bytes)");
        } else {
            name = node.textValue();
        }
    }

    private void readSeed(JsonNode node) {
        if (node == null) {
            problems.add("seed", null, "required key is missing (the master seed, an integer)");
            return;
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            if (big.bitLength() > 63) {
                problems.add("seed", Values.show(node), "the seed must fit in a signed 64-bit integer");
            } else {
                seed = big.longValue();
            }
        } else if (node.isFloatingPointNumber() && Values.integral(node.doubleValue())
                && Math.abs(node.doubleValue()) < 0x1p53) {
            seed = (long) node.doubleValue();
        } else {
            problems.add("seed", Values.show(node), "expected an integer");
        }
    }

    private void readReplicates(JsonNode node) {
        if (node == null) {
            return;
        }
        OptionalDouble v = scalars.integer("replicates", node);
        if (v.isPresent()) {
            if (v.getAsDouble() < 1) {
                problems.add("replicates", Values.show(node), "replicates must be >= 1");
            } else {
                replicates = (int) v.getAsDouble();
            }
        }
    }

    // ---------------------------------------------------------------- problem and solver

    private void readSection(String section, JsonNode node, Param.Section which, boolean required) {
        if (node == null) {
            if (required) {
                problems.add(section, null, "required key is missing (a mapping with family, d, r, …)");
            }
            return;
        }
        if (!node.isObject()) {
            problems.add(section, Values.show(node), "expected a mapping of " + section + " keys ("
                    + String.join(", ", known(which)) + ")");
            return;
        }
        node.properties().forEach(e -> {
            String k = e.getKey();
            String key = section + "." + k;
            if (which == Param.Section.PROBLEM && k.equals("matrices")) {
                written.add(k);
                matrices = readMatrices(key, e.getValue());
                return;
            }
            if (which == Param.Section.PROBLEM && k.equals("truth")) {
                written.add(k);
                truth = readMatrix(key, e.getValue());
                return;
            }
            if (which == Param.Section.PROBLEM && k.equals("cost")) {
                written.add(k);
                cost = readMatrix(key, e.getValue());
                return;
            }
            Optional<Param> p = Param.byKey(k);
            if (p.isPresent() && p.get().section() == which) {
                written.add(k);
                inSection.add(p.get());
                scalars.scalar(key, e.getValue(), p.get()).ifPresent(v -> fixed.put(p.get(), v));
            } else {
                misplaced(key, k, known(which));
            }
        });
    }

    private static List<String> known(Param.Section which) {
        List<String> keys = new ArrayList<>(Param.keys(which));
        if (which == Param.Section.PROBLEM) {
            keys.addAll(List.of("matrices", "truth", "cost"));
        }
        return keys;
    }

    /** An unknown key: say where it belongs if it is known elsewhere, else suggest the closest known key. */
    private void misplaced(String key, String k, List<String> knownHere) {
        Optional<Param> p = Param.byKey(k);
        if (p.isPresent() && p.get().section() == Param.Section.AXIS) {
            problems.add(key, null, k + " is an axis: set it under grid (one value is fine, e.g. '" + k
                    + ": " + switch (p.get()) {
                        case ALPHA -> "0.1";
                        case N -> "96";
                        default -> "4";
                    } + "') or under derived");
        } else if (p.isPresent()) {
            problems.add(key, null, "unknown key here; " + k + " belongs under " + p.get().section().key());
        } else if (TOP.contains(k)) {
            problems.add(key, null, "unknown key here; " + k + " belongs at the top level");
        } else {
            Optional<String> close = Suggest.closest(k, knownHere);
            problems.add(key, null, "unknown key" + close.map(s -> "; did you mean '" + s + "'?")
                    .orElse("; known keys: " + String.join(", ", knownHere)));
        }
    }

    private double[][][] readMatrices(String key, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(key, Values.show(node), "expected a non-empty list of square matrices, each a list of rows");
            return null;
        }
        double[][][] out = new double[node.size()][][];
        for (int i = 0; i < node.size(); i++) {
            out[i] = readMatrix(key + "[" + i + "]", node.get(i));
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    private double[][] readMatrix(String key, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(key, Values.show(node), "expected a square matrix as a list of rows, e.g. [[1, 0], [0, 0]]");
            return null;
        }
        double[][] out = new double[node.size()][];
        for (int a = 0; a < node.size(); a++) {
            JsonNode row = node.get(a);
            if (!row.isArray()) {
                problems.add(key + "[" + a + "]", Values.show(row), "expected a row: a list of numbers");
                return null;
            }
            out[a] = new double[row.size()];
            for (int b = 0; b < row.size(); b++) {
                OptionalDouble v = scalars.real(key + "[" + a + "][" + b + "]", row.get(b));
                if (v.isEmpty()) {
                    return null;
                }
                out[a][b] = v.getAsDouble();
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- grid, derived, zip

    private void readGrid(JsonNode node) {
        if (node == null) {
            problems.add("grid", null, "required key is missing (axes R, alpha and n at least)");
            return;
        }
        if (!node.isObject()) {
            problems.add("grid", Values.show(node), "expected a mapping of axes, e.g. {R: [1, 2], alpha: 0.1, n: 40}");
            return;
        }
        node.properties().forEach(e -> {
            String k = e.getKey();
            String key = "grid." + k;
            if (k.equals("replicate") || k.equals("replicates")) {
                problems.add(key, null, "the replicate axis comes from the top-level key 'replicates'");
                return;
            }
            Optional<Param> p = Param.byKey(k);
            if (p.isEmpty() && !HELPER.matcher(k).matches()) {
                problems.add(key, null, "unknown axis: not a parameter, and a helper axis name is letters, digits"
                        + " and '_'" + Suggest.didYouMean(k, allParamKeys()));
                return;
            }
            written.add(k);
            Axis axis = readAxis(key, k, p.orElse(null), e.getValue());
            if (axis != null) {
                grid.put(k, axis);
            }
        });
    }

    private Axis readAxis(String key, String k, Param p, JsonNode node) {
        if (node.isObject()) {
            if (node.has("product")) {
                problems.add(key, null, "a {product: …} axis is computed: put it under derived");
                return null;
            }
            if (p != null && p.kind() == Param.Kind.CHOICE) {
                problems.add(key, null, "a range needs a numeric axis; list the values of " + k + " instead");
                return null;
            }
            return readRange(key, k, p, node);
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                problems.add(key, "[]", "an axis needs at least one value");
                return null;
            }
            double[] values = new double[node.size()];
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                OptionalDouble v = scalars.scalar(key, node.get(i), p);
                ok &= v.isPresent();
                values[i] = v.orElse(Double.NaN);
            }
            if (!ok || !distinct(key, p, values, null)) {
                return null;
            }
            return new Axis(k, p, null, values);
        }
        OptionalDouble v = scalars.scalar(key, node, p);
        return v.isPresent() ? new Axis(k, p, null, new double[] {v.getAsDouble()}) : null;
    }

    private Axis readRange(String key, String k, Param p, JsonNode node) {
        node.fieldNames().forEachRemaining(f -> {
            if (!RANGE_KEYS.contains(f)) {
                problems.add(key + "." + f, null, "unknown key in a range" + Suggest.closest(f, RANGE_KEYS)
                        .map(s -> "; did you mean '" + s + "'?").orElse("; a range has from, to, steps and scale"));
            }
        });
        OptionalDouble from = required(key + ".from", node.get("from"), true);
        OptionalDouble to = required(key + ".to", node.get("to"), true);
        OptionalDouble steps = required(key + ".steps", node.get("steps"), false);
        Range.Scale scale = Range.Scale.LINEAR;
        JsonNode s = node.get("scale");
        if (s != null) {
            if (!s.isTextual() || !SCALES.contains(s.textValue())) {
                problems.add(key + ".scale", Values.show(s), "expected one of " + String.join(", ", SCALES));
                return null;
            }
            scale = Range.Scale.valueOf(s.textValue().toUpperCase(java.util.Locale.ROOT));
        }
        if (from.isEmpty() || to.isEmpty() || steps.isEmpty()) {
            return null;
        }
        String rule = Range.rule(from.getAsDouble(), to.getAsDouble(), (int) steps.getAsDouble(), scale);
        String written = "{from: " + Numbers.format(from.getAsDouble()) + ", to: " + Numbers.format(to.getAsDouble())
                + ", steps: " + Numbers.format(steps.getAsDouble()) + ", scale: " + scale.specName() + "}";
        if (rule != null) {
            problems.add(key, written, rule);
            return null;
        }
        if (steps.getAsDouble() > MAX_POINTS) {
            problems.add(key + ".steps", Numbers.format(steps.getAsDouble()), "at most " + MAX_POINTS + " steps");
            return null;
        }
        Range range = new Range(from.getAsDouble(), to.getAsDouble(), (int) steps.getAsDouble(), scale);
        boolean integer = p != null && p.kind() == Param.Kind.INTEGER;
        double[] values = range.values(integer);
        for (double v : values) {
            String r = p == null ? null : p.check(v);
            if (r != null) {
                problems.add(key, (p == null ? Numbers.format(v) : p.format(v)) + " (from the range " + range + ")", r);
                return null;
            }
        }
        if (integer && (values[values.length - 1] > Integer.MAX_VALUE || values[0] < Integer.MIN_VALUE)) {
            problems.add(key, range.toString(), "values must fit in a 32-bit integer");
            return null;
        }
        return distinct(key, p, values, range) ? new Axis(k, p, range, values) : null;
    }

    private OptionalDouble required(String key, JsonNode node, boolean real) {
        if (node == null) {
            problems.add(key, null, "required key is missing");
            return OptionalDouble.empty();
        }
        return real ? scalars.real(key, node) : scalars.integer(key, node);
    }

    private boolean distinct(String key, Param p, double[] values, Range range) {
        Set<Double> seen = new HashSet<>();
        for (double v : values) {
            if (!seen.add(v)) {
                String shown = p == null ? Numbers.format(v) : p.format(v);
                problems.add(key, shown, range == null
                        ? "the values of an axis must be distinct (" + shown + " appears twice)"
                        : "the range " + range + " gives " + shown + " twice after rounding to integers;"
                        + " use fewer steps or a wider range");
                return false;
            }
        }
        return true;
    }

    private void readDerived(JsonNode node) {
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            problems.add("derived", Values.show(node), "expected a mapping like {n: {product: [c, d, r]}}");
            return;
        }
        node.properties().forEach(e -> {
            String k = e.getKey();
            String key = "derived." + k;
            Optional<Param> p = Param.byKey(k);
            if (p.isPresent() && p.get().kind() == Param.Kind.CHOICE) {
                problems.add(key, null, k + " is a choice, not a number: it cannot be derived");
                return;
            }
            if (p.isEmpty() && !HELPER.matcher(k).matches()) {
                problems.add(key, null, "unknown key: not a parameter, and a helper name is letters, digits and '_'");
                return;
            }
            written.add(k);
            JsonNode d = e.getValue();
            if (!d.isObject()) {
                problems.add(key, Values.show(d), "expected a mapping like {product: [c, d, r], scale: 1, round: nearest}");
                return;
            }
            d.fieldNames().forEachRemaining(f -> {
                if (!DERIVED_KEYS.contains(f)) {
                    problems.add(key + "." + f, null, "unknown key" + Suggest.closest(f, DERIVED_KEYS)
                            .map(s -> "; did you mean '" + s + "'?")
                            .orElse("; a derived axis has product, scale, plus and round"));
                }
            });
            List<String> factors = factors(key + ".product", d.get("product"));
            double scale = 1;
            if (d.has("scale")) {
                OptionalDouble s = scalars.real(key + ".scale", d.get("scale"));
                if (s.isPresent() && !(s.getAsDouble() > 0)) {
                    problems.add(key + ".scale", Values.show(d.get("scale")), "scale must be > 0");
                    return;
                }
                scale = s.orElse(1);
            }
            boolean integer = p.isPresent() && p.get().kind() == Param.Kind.INTEGER;
            Derived.Rounding round = integer ? Derived.Rounding.NEAREST : Derived.Rounding.NONE;
            JsonNode r = d.get("round");
            if (r != null) {
                if (!integer) {
                    problems.add(key + ".round", Values.show(r), "only integer parameters are rounded, and " + k
                            + " is a real number");
                    return;
                }
                if (!r.isTextual() || !ROUNDINGS.contains(r.textValue())) {
                    problems.add(key + ".round", Values.show(r), "expected one of " + String.join(", ", ROUNDINGS));
                    return;
                }
                round = Derived.Rounding.valueOf(r.textValue().toUpperCase(java.util.Locale.ROOT));
            }
            List<String> addends = d.has("plus") ? factors(key + ".plus", d.get("plus")) : List.of();
            if (factors != null && addends != null) {
                derived.put(k, new Derived(k, factors, scale, addends, round));
            }
        });
    }

    private List<String> factors(String key, JsonNode node) {
        if (node == null) {
            problems.add(key, null, "required key is missing (a list of axis or parameter names)");
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(key, Values.show(node), "expected a non-empty list of axis or parameter names, e.g. [c, d, r]");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode f : node) {
            if (!f.isTextual()) {
                problems.add(key, Values.show(f), "expected an axis or parameter name (use scale for a constant factor)");
                return null;
            }
            out.add(f.textValue());
        }
        return out;
    }

    private void readZip(JsonNode node) {
        if (node == null) {
            return;
        }
        if (!node.isArray()) {
            problems.add("zip", Values.show(node), "expected a list of groups, e.g. [[R, alpha]]");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode group = node.get(i);
            String key = "zip[" + i + "]";
            if (!group.isArray()) {
                problems.add(key, Values.show(group), "expected a list of axis names, e.g. [R, alpha]");
                continue;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode n : group) {
                if (!n.isTextual()) {
                    problems.add(key, Values.show(n), "expected an axis name");
                } else {
                    names.add(n.textValue());
                }
            }
            zip.add(names);
        }
    }

    // ---------------------------------------------------------------- cross-checks

    private void crossCheck() {
        for (Axis axis : grid.values()) {
            axis.param().filter(inSection::contains).ifPresent(p -> problems.add("grid." + axis.name(), null,
                    axis.name() + " is also set in " + p.fixedKey() + "; set it in one place"));
        }
        for (Derived d : derived.values()) {
            String key = "derived." + d.name();
            if (grid.containsKey(d.name())) {
                problems.add(key, null, d.name() + " is also a grid axis; an axis is either listed or derived");
            }
            Param.byKey(d.name()).filter(inSection::contains).ifPresent(p -> problems.add(key, null,
                    d.name() + " is also set in " + p.fixedKey() + "; set it in one place"));
            for (String f : d.factors()) {
                checkFactor(key + ".product", f);
            }
            for (String f : d.addends()) {
                checkFactor(key + ".plus", f);
            }
        }
        cycles();
        Set<String> referenced = derived.values().stream().flatMap(d -> d.inputs().stream())
                .collect(Collectors.toSet());
        for (Axis axis : grid.values()) {
            if (axis.param().isEmpty() && !referenced.contains(axis.name())) {
                problems.add("grid." + axis.name(), null, "unknown axis" + Suggest.didYouMean(axis.name(),
                        allParamKeys()) + " (a name that is not a parameter is a helper axis, and must be used by"
                        + " a derived product)");
            }
        }
        for (Derived d : derived.values()) {
            if (Param.byKey(d.name()).isEmpty() && !referenced.contains(d.name())) {
                problems.add("derived." + d.name(), null, "unknown parameter" + Suggest.didYouMean(d.name(),
                        allParamKeys()) + " (a helper must be used by another derived product)");
            }
        }
        checkZip();
    }

    private void checkFactor(String key, String f) {
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
            names.addAll(allParamKeys());
            problems.add(key, "'" + f + "'", "unknown axis or parameter" + Suggest.didYouMean(f, names));
        }
    }

    private void cycles() {
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

    private void checkZip() {
        Set<String> zipped = new HashSet<>();
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

    private Explicit explicit() {
        if (cost != null) {
            if (matrices != null || truth != null) {
                problems.add("problem.cost", null, "a Max-Cut cost and sensing matrices exclude each other");
                return null;
            }
            try {
                return new ExplicitCost(cost);
            } catch (IllegalArgumentException e) {
                problems.add("problem.cost", null, e.getMessage());
                return null;
            }
        }
        if (matrices == null && truth == null) {
            return null;
        }
        if (matrices == null) {
            problems.add("problem.matrices", null, "required with problem.truth");
            return null;
        }
        if (truth == null) {
            problems.add("problem.truth", null, "required with problem.matrices");
            return null;
        }
        try {
            return new ExplicitMeasurements(Arrays.asList(matrices), truth);
        } catch (IllegalArgumentException e) {
            String token = e.getMessage().split(" ", 2)[0];
            problems.add(token.startsWith("problem.") ? token : "problem.matrices", null, e.getMessage());
            return null;
        }
    }

    /**
     * The operator follows the family (quadratic-network → rank-one, symmetric-sensing → symmetric-gaussian,
     * maxcut-bm → random-graph, else gaussian) or is explicit when matrices or a cost are given; n is then the
     * number of given matrices, or the side of the cost.
     */
    private void applyImpliedDefaults() {
        boolean operatorSet = fixed.containsKey(Param.OPERATOR) || grid.containsKey("operator")
                || written.contains("operator");
        if (!operatorSet && (matrices != null || cost != null)) {
            fixed.put(Param.OPERATOR, (double) OperatorKind.EXPLICIT.ordinal());
        } else if (!operatorSet && fixedFamily() != null) {
            fixed.put(Param.OPERATOR, (double) fixedFamily().defaultOperator().ordinal());
        }
        if ((matrices != null || cost != null) && !written.contains("n")) {
            written.add("n");
            grid.put("n", new Axis("n", Param.N, null, new double[] {matrices != null ? matrices.length : cost.length}));
        }
    }

    /** The family when the spec fixes it (rather than leaving it out or making it an axis), else null. */
    private Family fixedFamily() {
        Double family = fixed.get(Param.FAMILY);
        return family == null ? null : Family.values()[family.intValue()];
    }

    /** A parameter's default for this spec's family (the solver protocols differ), NaN when it has none. */
    private double defaultOf(Param p) {
        return p.defaultValue(fixedFamily()).orElse(Double.NaN);
    }

    /** Whether a problem field means something for the spec's family (all do while the family is not fixed). */
    private boolean usedByFamily(Param p) {
        return fixedFamily() == null || p.section() != Param.Section.PROBLEM || fixedFamily().uses(p.key());
    }

    /** d and r, where the (fixed) family uses them; a ReLU network's d defaults to r. */
    private List<Param> requiredProblemKeys() {
        Family family = fixedFamily();
        if (family == null) {
            return List.of(Param.FAMILY, Param.D, Param.R_TRUTH);
        }
        List<Param> keys = new ArrayList<>();
        if (family.uses("d") && family != Family.RELU_TEACHER_STUDENT) {
            keys.add(Param.D);
        }
        if (family.uses("r")) {
            keys.add(Param.R_TRUTH);
        }
        return keys;
    }

    private void required() {
        for (Param p : requiredProblemKeys()) {
            if (!written.contains(p.key())) {
                problems.add(p.fixedKey(), null, "required key is missing (" + (p == Param.FAMILY
                        ? "one of " + String.join(", ", p.choices())
                        : "set it under problem, or as a grid axis") + ")");
            }
        }
        for (Param p : List.of(Param.RANK, Param.ALPHA, Param.N)) {
            if (!written.contains(p.key())) {
                problems.add("grid." + p.key(), null, "required axis is missing (a list, a range or one value;"
                        + " or a derived axis)");
            }
        }
    }

    // ---------------------------------------------------------------- expansion and per-cell validation

    private Expansion expansion(Explicit explicit) {
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
            base[p.ordinal()] = fixed.containsKey(p) ? fixed.get(p) : defaultOf(p);
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

        // Instance slots: the problem's and n, and (transitively) whatever a derived instance slot is made from.
        Set<String> instance = new HashSet<>();
        Arrays.stream(params).filter(Param::instanceLevel).forEach(p -> instance.add(p.key()));
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

        List<Expansion.Dim> dims = new ArrayList<>();
        Set<String> zipped = new HashSet<>();
        for (List<String> group : zip) {
            zipped.addAll(group);
            dims.add(dim(group, slotNames, instance));
        }
        for (String n : grid.keySet()) {
            if (!zipped.contains(n)) {
                dims.add(dim(List.of(n), slotNames, instance));
            }
        }
        dims.sort(Comparator.comparing((Expansion.Dim d) -> !d.instance()).thenComparingInt(d -> d.slots()[0]));

        double total = replicates;
        for (Expansion.Dim d : dims) {
            total *= d.size();
        }
        if (total > MAX_POINTS) {
            double cells = total / replicates;
            problems.add("grid", null, String.format(java.util.Locale.ROOT,
                    "the sweep has %,.0f points (%,d replicates × %,.0f grid cells); the limit is %,d", total,
                    replicates, cells, MAX_POINTS));
            return null;
        }

        List<Expansion.Step> steps = new ArrayList<>();
        for (Derived d : topologicalOrder()) {
            steps.add(new Expansion.Step(d, slotNames.indexOf(d.name()),
                    d.inputs().stream().mapToInt(slotNames::indexOf).toArray()));
        }
        return new Expansion(seed, replicates, slotNames, locations, base, dims.toArray(Expansion.Dim[]::new),
                steps.toArray(Expansion.Step[]::new), explicit);
    }

    private Expansion.Dim dim(List<String> names, List<String> slotNames, Set<String> instance) {
        List<String> sorted = names.stream().sorted(Comparator.comparingInt(slotNames::indexOf)).toList();
        Axis[] members = sorted.stream().map(grid::get).toArray(Axis[]::new);
        int[] slots = sorted.stream().mapToInt(slotNames::indexOf).toArray();
        return new Expansion.Dim(members, slots, sorted.stream().anyMatch(instance::contains));
    }

    /** Derived axes with each after the derived axes it uses, otherwise in spec order (cycles are refused first). */
    private List<Derived> topologicalOrder() {
        Set<String> placed = new LinkedHashSet<>();
        derived.keySet().forEach(k -> place(k, placed));
        return placed.stream().map(derived::get).toList();
    }

    private void place(String name, Set<String> placed) {
        if (placed.contains(name) || !derived.containsKey(name)) {
            return;
        }
        derived.get(name).inputs().forEach(f -> place(f, placed));
        placed.add(name);
    }

    /**
     * A core record's IllegalArgumentException as a problem at the spec key it names: its message starts with
     * the core's key ({@code problem.r must be …}, {@code n must be …}), which maps to where the spec sets it.
     */
    static SpecProblem explain(IllegalArgumentException e, Expansion expansion, double[] vals, String context) {
        String message = String.valueOf(e.getMessage());
        String token = message.split(" ", 2)[0];
        String bare = token.replaceFirst("^(problem|solver)\\.", "");
        int slot = expansion.slot(bare);
        String rule = message + (context.isEmpty() ? "" : " (at " + context + ")");
        if (slot >= 0) {
            Param p = expansion.param(slot);
            String value = expansion.format(slot, vals[slot]);
            boolean text = p != null && p.kind() == Param.Kind.CHOICE;
            return new SpecProblem(expansion.location(slot), text ? "'" + value + "'" : value, rule);
        }
        return new SpecProblem(token.matches("[A-Za-z_][A-Za-z0-9_.\\[\\]]*") ? token : "", null, rule);
    }

    private static List<String> allParamKeys() {
        return Arrays.stream(Param.values()).map(Param::key).toList();
    }

    // ---------------------------------------------------------------- outputs

    private Map<String, String> fixedLabels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param p : Param.values()) {
            if (!grid.containsKey(p.key()) && !derived.containsKey(p.key()) && usedByFamily(p)) {
                double v = fixed.containsKey(p) ? fixed.get(p) : defaultOf(p);
                out.put(p.fixedKey(), Double.isNaN(v) ? "(default for the family)" : p.format(v));
            }
        }
        return out;
    }

    /**
     * The fully-defaulted spec as canonical JSON: keys sorted, ranges expanded to their values, one-value axes
     * as one-element lists, zip groups sorted. Numbers print in Java's shortest round-trip form.
     */
    private String normalized() {
        Map<String, Object> root = new TreeMap<>();
        root.put("name", name);
        root.put("seed", seed);
        root.put("replicates", replicates);
        Map<String, Object> problem = new TreeMap<>();
        Map<String, Object> solver = new TreeMap<>();
        for (Param p : Param.values()) {
            if (grid.containsKey(p.key()) || derived.containsKey(p.key()) || p.section() == Param.Section.AXIS) {
                continue;
            }
            double v = fixed.containsKey(p) ? fixed.get(p) : defaultOf(p);
            if (!Double.isNaN(v)) {
                (p.section() == Param.Section.PROBLEM ? problem : solver).put(p.key(), typed(p, v));
            }
        }
        if (matrices != null) {
            problem.put("matrices", matrices);
            problem.put("truth", truth);
        }
        if (cost != null) {
            problem.put("cost", cost);
        }
        root.put("problem", problem);
        root.put("solver", solver);
        Map<String, Object> axes = new TreeMap<>();
        for (Axis a : grid.values()) {
            Param p = a.param().orElse(null);
            axes.put(a.name(), Arrays.stream(a.valuesArray()).mapToObj(v -> typed(p, v)).toList());
        }
        root.put("grid", axes);
        Map<String, Object> derivedOut = new TreeMap<>();
        for (Derived d : derived.values()) {
            Map<String, Object> form = new TreeMap<>();
            form.put("product", d.factors());
            form.put("scale", d.scale());
            if (!d.addends().isEmpty()) {
                form.put("plus", d.addends());
            }
            if (d.round() != Derived.Rounding.NONE) {
                form.put("round", d.round().specName());
            }
            derivedOut.put(d.name(), form);
        }
        root.put("derived", derivedOut);
        root.put("zip", zip.stream().map(g -> g.stream().sorted().toList())
                .sorted(Comparator.comparing(Object::toString)).toList());
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the normalized spec", e);
        }
    }

    private static Object typed(Param p, double v) {
        if (p == null) {
            return v;
        }
        return switch (p.kind()) {
            case INTEGER -> (long) v;
            case REAL -> v;
            case CHOICE -> p.choices().get((int) v);
        };
    }
}
