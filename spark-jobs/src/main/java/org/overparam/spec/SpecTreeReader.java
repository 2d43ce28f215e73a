package org.overparam.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A spec's YAML tree → a {@link WrittenSpec}: every key is checked for name, type and its own rule, in the order
 * name, seed, replicates, problem, solver, grid, derived, zip, and every problem is collected before refusing.
 * The grid and zip are read by {@link GridReader}, derived axes by {@link DerivedReader}.
 */
final class SpecTreeReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Longest sweep name: the partition directory sweep=NAME must fit a file name's 255 bytes. */
    static final int MAX_NAME = 200;
    private static final List<String> TOP = List.of("name", "seed", "replicates", "problem", "solver", "grid",
            "derived", "zip");
    private static final List<String> DATA_KEYS = List.of("matrices", "truth", "cost");

    /** The fixed values and explicit data of one section (problem or solver). */
    private record Section(Map<Param, Double> values, WrittenSpec.Data data) {
        static final Section EMPTY = new Section(Map.of(), WrittenSpec.Data.NONE);
    }

    private final Problems problems;
    private final Values scalars;

    private SpecTreeReader(Problems problems) {
        this.problems = problems;
        this.scalars = new Values(problems);
    }

    /** What the tree says; refused with a {@link SpecError} listing every problem if any key is broken. */
    static WrittenSpec read(JsonNode root, Problems problems) {
        return new SpecTreeReader(problems).spec(root);
    }

    private WrittenSpec spec(JsonNode root) {
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
        String name = name(root.get("name"));
        long seed = seed(root.get("seed"));
        int replicates = replicates(root.get("replicates"));
        Section problem = section("problem", root.get("problem"), Param.Section.PROBLEM, true);
        Section solver = section("solver", optional(root, "solver"), Param.Section.SOLVER, false);
        GridReader gridReader = new GridReader(problems);
        Map<String, Axis> grid = gridReader.axes(root.get("grid"));
        Map<String, Derived> derived = new DerivedReader(problems).axes(optional(root, "derived"));
        List<List<String>> zip = gridReader.zip(optional(root, "zip"));
        problems.throwIfAny();

        Map<Param, Double> fixed = new EnumMap<>(Param.class);
        fixed.putAll(problem.values());
        fixed.putAll(solver.values());
        return new WrittenSpec(name, seed, replicates, fixed, grid, derived, zip, problem.data());
    }

    /** An optional section written with nothing after its colon is an empty section. */
    private static JsonNode optional(JsonNode root, String key) {
        JsonNode node = root.get(key);
        return node == null || node.isNull() ? null : node;
    }

    private String name(JsonNode node) {
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
            return node.textValue();
        }
        return null;
    }

    private long seed(JsonNode node) {
        if (node == null) {
            problems.add("seed", null, "required key is missing (the master seed, an integer)");
        } else if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            if (big.bitLength() > 63) {
                problems.add("seed", Values.show(node), "the seed must fit in a signed 64-bit integer");
            } else {
                return big.longValue();
            }
        } else if (node.isFloatingPointNumber() && Values.integral(node.doubleValue())
                && Math.abs(node.doubleValue()) < 0x1p53) {
            return (long) node.doubleValue();
        } else {
            problems.add("seed", Values.show(node), "expected an integer");
        }
        return 0;
    }

    private int replicates(JsonNode node) {
        if (node == null) {
            return 1;
        }
        OptionalDouble v = scalars.integer("replicates", node);
        if (v.isPresent() && v.getAsDouble() < 1) {
            problems.add("replicates", Values.show(node), "replicates must be >= 1");
        } else if (v.isPresent()) {
            return (int) v.getAsDouble();
        }
        return 1;
    }

    private Section section(String section, JsonNode node, Param.Section which, boolean required) {
        if (node == null) {
            if (required) {
                problems.add(section, null, "required key is missing (a mapping with family, d, r, …)");
            }
            return Section.EMPTY;
        }
        if (!node.isObject()) {
            problems.add(section, Values.show(node), "expected a mapping of " + section + " keys ("
                    + String.join(", ", known(which)) + ")");
            return Section.EMPTY;
        }
        Map<Param, Double> values = new EnumMap<>(Param.class);
        double[][][] matrices = null;
        double[][] truth = null;
        double[][] cost = null;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String k = e.getKey();
            String key = section + "." + k;
            Optional<Param> p = Param.byKey(k);
            if (which == Param.Section.PROBLEM && k.equals("matrices")) {
                matrices = matrices(key, e.getValue());
            } else if (which == Param.Section.PROBLEM && k.equals("truth")) {
                truth = matrix(key, e.getValue());
            } else if (which == Param.Section.PROBLEM && k.equals("cost")) {
                cost = matrix(key, e.getValue());
            } else if (p.isPresent() && p.get().section() == which) {
                scalars.scalar(key, e.getValue(), p.get()).ifPresent(v -> values.put(p.get(), v));
            } else {
                misplaced(key, k, known(which));
            }
        }
        return new Section(values, new WrittenSpec.Data(matrices, truth, cost));
    }

    private static List<String> known(Param.Section which) {
        List<String> keys = new ArrayList<>(Param.keys(which));
        if (which == Param.Section.PROBLEM) {
            keys.addAll(DATA_KEYS);
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

    private double[][][] matrices(String key, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add(key, Values.show(node), "expected a non-empty list of square matrices, each a list of rows");
            return null;
        }
        double[][][] out = new double[node.size()][][];
        for (int i = 0; i < node.size(); i++) {
            out[i] = matrix(key + "[" + i + "]", node.get(i));
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    private double[][] matrix(String key, JsonNode node) {
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
}
