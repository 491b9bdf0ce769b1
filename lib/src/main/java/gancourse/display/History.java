package gancourse.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Metrics recorded during training, one row per {@link #add}: iteration, epoch and named values
 * (a value missing from a row is left empty). Turns into a Tablesaw table or a chart afterwards.
 *
 * <pre>{@code
 * history.add(it, epoch, Map.of("D loss", d, "G loss", g));
 * display(Html.of(history.table()));
 * display(history.chart("Losses", "D loss", "G loss").image());
 * }</pre>
 */
public final class History {
    private final List<Integer> iterations = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();
    private final Map<String, List<Double>> columns = new LinkedHashMap<>();

    /** Records one row. */
    public History add(int iteration, int epoch, Map<String, ? extends Number> values) {
        for (String name : values.keySet()) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a metric needs a name, got '" + name + "'");
            if (name.equals("iteration") || name.equals("epoch")) {
                throw new IllegalArgumentException("'" + name + "' is a column of its own; pass it as an argument, not a value");
            }
            // A metric first seen now has nothing in the rows before.
            columns.computeIfAbsent(name, k -> new ArrayList<>(Collections.nCopies(iterations.size(), Double.NaN)));
        }
        iterations.add(iteration);
        epochs.add(epoch);
        for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
            Number v = values.get(c.getKey());
            c.getValue().add(v == null ? Double.NaN : v.doubleValue());
        }
        return this;
    }

    /** Number of rows. */
    public int size() {
        return iterations.size();
    }

    /** The metric names, in the order first seen. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public int[] iterations() {
        return iterations.stream().mapToInt(Integer::intValue).toArray();
    }

    public int[] epochs() {
        return epochs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One metric, row by row (NaN where a row did not have it). */
    public double[] values(String name) {
        List<Double> c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("no metric '" + name + "'; the history has " + names());
        return c.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The last value recorded for a metric, or NaN. */
    public double last(String name) {
        double[] v = values(name);
        for (int i = v.length - 1; i >= 0; i--) if (!Double.isNaN(v[i])) return v[i];
        return Double.NaN;
    }

    /** A table with the columns iteration, epoch and one per metric. */
    public Table table() {
        Table t = Table.create("training history");
        t.addColumns(IntColumn.create("iteration", iterations()), IntColumn.create("epoch", epochs()));
        for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
            DoubleColumn col = DoubleColumn.create(c.getKey());
            for (double v : c.getValue()) {
                if (Double.isNaN(v)) col.appendMissing();
                else col.append(v);
            }
            t.addColumns(col);
        }
        return t;
    }

    /** A line chart of some metrics against the iteration (all metrics when no names are given). */
    public LineChart chart(String title, String... names) {
        if (size() == 0) throw new IllegalStateException("the history is empty; record rows with add(...) first");
        List<String> chosen = names.length == 0 ? names() : Arrays.asList(names);
        double[] x = Arrays.stream(iterations()).asDoubleStream().toArray();
        LineChart chart = Charts.line(title, "iteration", "");
        for (String name : chosen) chart.series(name, x, values(name));
        return chart;
    }
}
