package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenTest {

    @Test
    void aNotebookScreenPassesEverythingToTheKernelFunctions() {
        List<String> calls = new ArrayList<>();
        Screen screen = Screen.of(x -> {
            calls.add("display " + x);
            return "id-" + calls.size();
        }, (id, x) -> calls.add("update " + id + " " + x));
        String id = screen.show("a");
        screen.replace(id, "b");
        assertEquals("id-1", id);
        assertEquals(List.of("display a", "update id-1 b"), calls);
        assertTrue(screen.showsPictures());
    }

    @Test
    void theConsolePrintsTextAndSkipsPictures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Screen console = new ConsoleScreen(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String a = console.show("plain line");
        String b = console.show(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        console.replace(a, Html.text("x < y"));
        console.show(Gif.of(List.of(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)), 100));
        assertNotEquals(a, b);
        assertFalse(console.showsPictures());
        assertEquals("plain line\nx < y\n", bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
