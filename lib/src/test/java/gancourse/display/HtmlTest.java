package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTest {

    private static int occurrences(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void aTableBecomesAnHtmlTableWithAHeaderAndOneRowPerRow() {
        Table t = Table.create("scores",
                IntColumn.create("iteration", 1, 2, 3),
                DoubleColumn.create("loss", 0.693147, 1.0 / 3, 2e-5),
                StringColumn.create("note", "a<b", "fine", "x & y"));
        String html = Html.of(t).toString();
        assertTrue(html.startsWith("<table>"), html);
        assertTrue(html.contains("<thead><tr><th>iteration</th><th>loss</th><th>note</th></tr></thead>"), html);
        assertEquals(3, occurrences(html, "<tr><td>"));
        assertTrue(html.contains("<td>0.6931</td>") && html.contains("<td>0.3333</td>") && html.contains("<td>2.000e-05</td>"), html);
        assertTrue(html.contains("a&lt;b") && html.contains("x &amp; y"), "cells are escaped: " + html);
        assertTrue(html.contains("scores: 3 rows × 3 columns"), html);
    }

    @Test
    void aLongTableShowsItsHeadAndTail() {
        int[] its = new int[100];
        for (int i = 0; i < 100; i++) its[i] = i + 1;
        String html = Html.of(Table.create("t", IntColumn.create("iteration", its)), 6).markup();
        assertEquals(7, occurrences(html, "<tr><td>"), "3 first, a gap, 3 last");
        for (String kept : new String[] {"<td>1</td>", "<td>3</td>", "<td>98</td>", "<td>100</td>", "<td>…</td>"}) {
            assertTrue(html.contains(kept), kept);
        }
        assertFalse(html.contains("<td>4</td>"));
        assertTrue(html.contains("100 rows"));
    }

    @Test
    void missingValuesAreEmptyCells() {
        DoubleColumn c = DoubleColumn.create("loss");
        c.append(1.5);
        c.appendMissing();
        String html = Html.of(Table.create("t", c)).markup();
        assertTrue(html.contains("<tr><td>1.5000</td></tr>") && html.contains("<tr><td></td></tr>"), html);
    }

    @Test
    void textIsEscapedForTheNotebookAndKeptForTheConsole() {
        Html h = Html.text("D(G(z)) < 0.5 & rising");
        assertEquals("<pre style=\"margin:0\">D(G(z)) &lt; 0.5 &amp; rising</pre>", h.markup());
        assertEquals("D(G(z)) < 0.5 & rising", h.text());
        assertEquals(h.markup(), h.toString(), "the kernel shows toString() as text/html");
        assertEquals("<b>hi</b>", Html.of("<b>hi</b>").toString());
    }
}
