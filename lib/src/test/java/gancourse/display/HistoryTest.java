package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HistoryTest {

    private static Map<String, Double> values(Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], (Double) nameValue[i + 1]);
        return m;
    }

    @Test
    void rowsOfMetricsBecomeATable() {
        History h = new History()
                .add(1, 1, values("D loss", 1.2, "G loss", 0.7))
                .add(2, 1, values("D loss", 1.0, "G loss", 0.8))
                .add(3, 2, values("D loss", 0.9, "G loss", 0.9, "FID", 55.0));
        Table t = h.table();
        assertEquals(List.of("iteration", "epoch", "D loss", "G loss", "FID"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(2, t.intColumn("epoch").getInt(2));
        assertEquals(0.8, t.doubleColumn("G loss").getDouble(1));
        assertTrue(t.doubleColumn("FID").isMissing(0), "a metric first seen later is missing before");
        assertEquals(55.0, t.doubleColumn("FID").getDouble(2));
        assertArrayEquals(new int[] {1, 2, 3}, h.iterations());
        assertEquals(0.9, h.last("D loss"));
        assertEquals(List.of("D loss", "G loss", "FID"), h.names());
    }

    @Test
    void aValueMissingFromARowStaysEmpty() {
        History h = new History().add(1, 1, values("a", 1.0, "b", 2.0)).add(2, 1, values("a", 3.0));
        assertTrue(Double.isNaN(h.values("b")[1]));
        assertTrue(h.table().doubleColumn("b").isMissing(1));
        assertEquals(2.0, h.last("b"));
    }

    @Test
    void badNamesAreRefused() {
        History h = new History();
        assertThrows(IllegalArgumentException.class, () -> h.add(1, 1, values("epoch", 1.0)));
        var e = assertThrows(IllegalArgumentException.class, () -> h.add(1, 1, values("a", 1.0)).values("b"));
        assertTrue(e.getMessage().contains("[a]"), e.getMessage());
    }

    @Test
    void theHistoryDrawsItsCurves() {
        History h = new History();
        for (int i = 1; i <= 50; i++) h.add(i, 1, values("D loss", 1.0 / i, "G loss", 0.5 + i / 100.0));
        BufferedImage im = h.chart("Losses", "G loss").image();
        assertTrue(ChartsTest.count(im, Charts.PALETTE[0], 0) > 50);
        assertThrows(IllegalStateException.class, () -> new History().chart("empty"));
    }
}
