package gancourse.display;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Where pictures and progress lines go. In the course's kernel, {@code screen} is there from the start
 * (kernel/init.jsh imports {@link Notebook#screen}); on another Java kernel, wire one to its functions once:
 *
 * <pre>{@code
 * var screen = Screen.of(x -> display(x), (id, x) -> updateDisplay(id, x));
 * }</pre>
 *
 * and the command line and the tests use {@link #console()}.
 */
public interface Screen {

    /** Shows new content (a picture, an {@link Html}, a {@link Gif}, text) and returns its id for {@link #replace}. */
    String show(Object content);

    /** Puts new content in place of what {@code id} shows, without adding a new output. */
    void replace(String id, Object content);

    /** Whether pictures can be seen here; when not, {@link LiveView} does not spend time drawing them. */
    default boolean showsPictures() {
        return true;
    }

    /** A screen made of the notebook kernel's {@code display} and {@code updateDisplay} functions. */
    static Screen of(Function<Object, String> show, BiConsumer<String, Object> replace) {
        Objects.requireNonNull(show, "show: pass the kernel's display, as x -> display(x)");
        Objects.requireNonNull(replace, "replace: pass the kernel's updateDisplay, as (id, x) -> updateDisplay(id, x)");
        return new Screen() {
            @Override
            public String show(Object content) {
                return show.apply(content);
            }

            @Override
            public void replace(String id, Object content) {
                replace.accept(id, content);
            }
        };
    }

    /** A screen for the command line: prints text and {@link Html#text()} lines, skips pictures and GIFs. */
    static Screen console() {
        return new ConsoleScreen(System.out);
    }
}
