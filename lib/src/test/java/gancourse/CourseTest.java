package gancourse;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseTest {
    /** The one table of GAN_COURSE_SMOKE values that ./course and the Python tools are tested against too. */
    @Test
    void smokeModeFollowsTheCoursesOneRule() throws Exception {
        Path table = Path.of("..", "tools", "smoke-rule.tsv");
        List<String> rows = Files.readAllLines(table).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(rows.size() >= 10, "too few rows in " + table);
        for (String row : rows) {
            String[] cells = row.split("\t");
            String value = cells[0].substring(1, cells[0].length() - 1);
            boolean on = cells[1].equals("on");
            assertEquals(on, Course.smokeValue(value), "GAN_COURSE_SMOKE=\"" + value + "\"");
        }
        assertFalse(Course.smokeValue(null), "unset");
    }

    @Test
    void aSmokeRunKeepsItsModelsApartFromTheRealOnes() {
        String before = System.getProperty(Course.SMOKE);
        try {
            System.setProperty(Course.SMOKE, "1");
            assertEquals("lesson02-smoke.zip", Course.modelFile("lesson02").getFileName().toString());
            System.setProperty(Course.SMOKE, "0");
            assertEquals("lesson02.zip", Course.modelFile("lesson02").getFileName().toString());
            assertEquals(Course.dataDir().resolve("models"), Course.modelFile("lesson02").getParent());
        } finally {
            if (before == null) System.clearProperty(Course.SMOKE); else System.setProperty(Course.SMOKE, before);
        }
        for (String bad : new String[] {"", "a/b", "lesson02.zip"}) {
            assertThrows(IllegalArgumentException.class, () -> Course.modelFile(bad), bad);
        }
    }
}
