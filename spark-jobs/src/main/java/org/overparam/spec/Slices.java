package org.overparam.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spec cut into rows along one axis: one slice per combination of the other grid axes, each a spec of its own
 * with those axes fixed at the row's values. A slice can be given other values of the axis and another replicate
 * count; the result is a spec whose points are the experiment's points (the same coordinates, hence the same point
 * ids and seeds), which the experiment's directory accepts as a refinement. This is what {@code refine} adds
 * replicates and intermediate axis values with.
 */
public final class Slices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Slices() {
    }

    /**
     * One row of an experiment along an axis.
     *
     * @param axis      the axis the row runs along
     * @param integer   whether the axis takes integers only
     * @param at        the other grid axes that vary in the experiment, with the row's values (for display)
     * @param values    the experiment's values of the axis, in grid order
     * @param spec      the slice as the normalized spec it is made from; {@link #with} changes its axis and
     *                  replicates
     */
    public record Row(String axis, boolean integer, Map<String, String> at, double[] values, ObjectNode spec) {

        public Row {
            at = Collections.unmodifiableMap(new LinkedHashMap<>(at));
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        /** The row as {@code n=24, alpha=0.1}, or "all" when the experiment has no other varying axis. */
        public String label() {
            if (at.isEmpty()) {
                return "all";
            }
            List<String> parts = new ArrayList<>();
            at.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }

        /**
         * The row's points at these values of the axis, replicates 0 … {@code replicates} − 1, as a spec.
         *
         * @throws SpecError when a value is not valid for the experiment (R below what the family allows, say)
         */
        public SweepSpec with(double[] axisValues, int replicates) {
            ObjectNode copy = spec.deepCopy();
            ArrayNode list = ((ObjectNode) copy.get("grid")).putArray(axis);
            for (double v : axisValues) {
                if (integer) {
                    list.add((long) v);
                } else {
                    list.add(v);
                }
            }
            copy.put("replicates", replicates);
            return SpecLoader.parse(copy.toString());
        }
    }

    /**
     * The points of {@code rows} at these values of their axis, replicates 0 … {@code replicates} − 1, in as few
     * specs as the grid allows: one when the rows' other axis values form a product (the rows of a round that ask for
     * the same, as a rule), else one per row. Fewer specs, fewer Spark jobs.
     *
     * @throws SpecError when a value is not valid for the experiment
     */
    public static List<SweepSpec> together(List<Row> rows, double[] axisValues, int replicates) {
        Map<String, Set<JsonNode>> values = new LinkedHashMap<>();
        for (Row row : rows) {
            row.spec().get("grid").fields().forEachRemaining(e -> {
                if (!e.getKey().equals(row.axis())) {
                    values.computeIfAbsent(e.getKey(), k -> new java.util.LinkedHashSet<>()).add(e.getValue().get(0));
                }
            });
        }
        long product = values.values().stream().mapToLong(Set::size).reduce(1, Math::multiplyExact);
        if (rows.size() == 1 || product != rows.size() || !zipsAreFixed(rows.get(0), values)) {
            return rows.stream().map(r -> r.with(axisValues, replicates)).toList();
        }
        ObjectNode spec = rows.get(0).spec().deepCopy();
        ObjectNode grid = (ObjectNode) spec.get("grid");
        values.forEach((name, vs) -> {
            ArrayNode list = grid.putArray(name);
            vs.forEach(list::add);
        });
        return List.of(new Row(rows.get(0).axis(), rows.get(0).integer(), Map.of(), rows.get(0).values(), spec)
                .with(axisValues, replicates));
    }

    /** Whether every zip group's members have one value among the rows (a zip group must keep equal lengths). */
    private static boolean zipsAreFixed(Row row, Map<String, Set<JsonNode>> values) {
        for (JsonNode group : row.spec().path("zip")) {
            for (JsonNode member : group) {
                if (values.getOrDefault(member.asText(), Set.of()).size() > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The rows of {@code experiment} along {@code axis}, in grid order (the other axes as the normalized spec lists
     * them, the last varying fastest).
     *
     * @throws IllegalArgumentException when {@code axis} is not a numeric grid axis of the experiment of its own
     *                                  (one in a zip group moves with others)
     */
    public static List<Row> along(SweepSpec experiment, String axis) {
        ObjectNode spec = parse(experiment.normalized());
        JsonNode grid = spec.path("grid");
        if (!grid.has(axis)) {
            List<String> names = new ArrayList<>();
            grid.fieldNames().forEachRemaining(names::add);
            throw new IllegalArgumentException("'" + axis + "' is not a grid axis of " + experiment.name()
                    + " (its axes: " + String.join(", ", names) + ")");
        }
        List<List<String>> zips = new ArrayList<>();
        for (JsonNode group : spec.path("zip")) {
            List<String> members = new ArrayList<>();
            group.forEach(m -> members.add(m.asText()));
            if (members.contains(axis)) {
                throw new IllegalArgumentException("'" + axis + "' moves with " + members + " (zip): refine an axis of"
                        + " its own");
            }
            zips.add(members);
        }
        double[] values = numbers(grid.get(axis), axis);
        Param param = Param.byKey(axis).orElse(null);
        boolean integer = param != null && param.kind() == Param.Kind.INTEGER;

        // The other dimensions: a lone axis, or a zip group whose members share one index.
        List<List<String>> dims = new ArrayList<>();
        Set<String> zipped = new HashSet<>();
        zips.forEach(zipped::addAll);
        for (Iterator<String> it = grid.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals(axis)) {
                continue;
            }
            if (!zipped.contains(name)) {
                dims.add(List.of(name));
            } else {
                zips.stream().filter(z -> z.get(0).equals(name)).findFirst().ifPresent(dims::add);
            }
        }
        List<Row> rows = new ArrayList<>();
        int[] index = new int[dims.size()];
        while (true) {
            ObjectNode copy = spec.deepCopy();
            ObjectNode copyGrid = (ObjectNode) copy.get("grid");
            Map<String, String> at = new LinkedHashMap<>();
            for (int k = 0; k < dims.size(); k++) {
                for (String member : dims.get(k)) {
                    JsonNode all = grid.get(member);
                    JsonNode value = all.get(index[k]);
                    copyGrid.putArray(member).add(value);
                    if (all.size() > 1) {
                        at.put(member, value.isTextual() ? value.asText() : format(member, value.asDouble()));
                    }
                }
            }
            rows.add(new Row(axis, integer, at, values, copy));
            int k = dims.size() - 1;
            while (k >= 0 && ++index[k] == grid.get(dims.get(k).get(0)).size()) {
                index[k--] = 0;
            }
            if (k < 0) {
                return rows;
            }
        }
    }

    /**
     * The values of {@code axis} in {@code spec}'s grid.
     *
     * @throws IllegalArgumentException when it is not a numeric grid axis of the spec
     */
    public static double[] values(SweepSpec spec, String axis) {
        JsonNode list = parse(spec.normalized()).path("grid").get(axis);
        if (list == null) {
            throw new IllegalArgumentException("'" + axis + "' is not a grid axis of " + spec.name());
        }
        return numbers(list, axis);
    }

    private static String format(String name, double v) {
        return Param.byKey(name).map(p -> p.format(v)).orElse(Numbers.format(v));
    }

    private static double[] numbers(JsonNode list, String axis) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!list.get(i).isNumber()) {
                throw new IllegalArgumentException("'" + axis + "' is not a numeric axis (it has "
                        + list.get(i).asText() + ")");
            }
            out[i] = list.get(i).asDouble();
        }
        return out;
    }

    private static ObjectNode parse(String normalized) {
        try {
            return (ObjectNode) JSON.readTree(normalized);
        } catch (IOException e) {
            throw new UncheckedIOException("not a normalized spec: " + e.getMessage(), e);
        }
    }
}
