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
}
