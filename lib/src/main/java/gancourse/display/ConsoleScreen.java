package gancourse.display;

import java.awt.image.RenderedImage;
import java.io.PrintStream;

/** The command line's {@link Screen}: a terminal cannot replace a line it printed, so every update is a new line. */
final class ConsoleScreen implements Screen {
    private final PrintStream out;
    private int shown;

    ConsoleScreen(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean showsPictures() {
        return false;
    }

    @Override
    public String show(Object content) {
        print(content);
        return "console-" + (++shown);
    }

    @Override
    public void replace(String id, Object content) {
        print(content);
    }

    private void print(Object content) {
        // A terminal cannot show pictures; the lessons save the ones worth keeping as files.
        if (content instanceof RenderedImage || content instanceof Gif) return;
        out.println(content instanceof Html html ? html.text() : String.valueOf(content));
    }
}
