package gancourse.display;

import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A piece of HTML for a notebook output, with a plain-text form for the command line.
 *
 * <p>The rapaio kernel shows any object it has no special renderer for as its {@code toString()} under its
 * default MIME type, which is {@code text/html}. So {@code display(Html.of(table))}, and an {@code Html} as the
 * last expression of a cell, render as HTML; {@code toString()} is the markup. A plain String of HTML renders as
 * HTML the same way; {@code Html} adds tables, escaping and a readable form for {@link Screen#console()}.
 */
public final class Html {
    /** How many rows {@link #of(Table)} shows before it cuts the middle out, as the kernel's own tables do. */
    public static final int MAX_ROWS = 20;

    private final String markup;
    private final String text;

    private Html(String markup, String text) {
        this.markup = markup;
        this.text = text;
    }

    /** Markup written by hand; the console prints it as it is. */
    public static Html of(String markup) {
        Objects.requireNonNull(markup, "markup");
        return new Html(markup, markup);
    }

    /** Plain text kept as written (spaces, line breaks, {@code <} and {@code &}), in a monospace block. */
    public static Html text(String plain) {
        Objects.requireNonNull(plain, "plain");
        return new Html("<pre style=\"margin:0\">" + escape(plain) + "</pre>", plain);
    }

    /** A real HTML table: a header, the first and last rows when there are more than {@link #MAX_ROWS}. */
    public static Html of(Table table) {
        return of(table, MAX_ROWS);
    }

    /** A table showing at most {@code maxRows} rows: the first half and the last half, "…" between. */
    public static Html of(Table table, int maxRows) {
        Objects.requireNonNull(table, "table");
        if (maxRows < 2) throw new IllegalArgumentException("maxRows must be at least 2, got " + maxRows);
        int rows = table.rowCount();
        int head = rows <= maxRows ? rows : maxRows / 2;
        int tailStart = rows <= maxRows ? rows : rows - (maxRows - head);

        StringBuilder s = new StringBuilder("<table>\n");
        s.append("<caption style=\"caption-side:bottom;text-align:left\">");
        if (table.name() != null && !table.name().isBlank()) s.append(escape(table.name())).append(": ");
        s.append(rows).append(rows == 1 ? " row" : " rows").append(" × ").append(table.columnCount())
                .append(table.columnCount() == 1 ? " column" : " columns").append("</caption>\n");
        s.append("<thead><tr>");
        for (String name : table.columnNames()) s.append("<th>").append(escape(name)).append("</th>");
        s.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < head; r++) row(s, table, r);
        if (tailStart > head) {
            s.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) s.append("<td>…</td>");
            s.append("</tr>\n");
        }
        for (int r = tailStart; r < rows; r++) row(s, table, r);
        s.append("</tbody>\n</table>");
        return new Html(s.toString(), table.print(maxRows));
    }

    /** The HTML markup. */
    public String markup() {
        return markup;
    }

    /** What the command line prints instead. */
    public String text() {
        return text;
    }

    /** The markup, which is what the rapaio kernel puts under text/html. */
    @Override
    public String toString() {
        return markup;
    }

    /** Escapes the characters that HTML would read as markup. */
    public static String escape(String plain) {
        StringBuilder s = new StringBuilder(plain.length());
        for (char ch : plain.toCharArray()) {
            switch (ch) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                default -> s.append(ch);
            }
        }
        return s.toString();
    }

    private static void row(StringBuilder s, Table table, int r) {
        s.append("<tr>");
        for (int c = 0; c < table.columnCount(); c++) {
            s.append("<td>").append(escape(cell(table.column(c), r))).append("</td>");
        }
        s.append("</tr>\n");
    }

    // Losses and scores read best with a few decimals; Tablesaw would print every digit of a double.
    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) return "";
        ColumnType type = column.type();
        if (type == ColumnType.DOUBLE || type == ColumnType.FLOAT) {
            return number(((Number) column.get(row)).doubleValue());
        }
        return column.getString(row);
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
