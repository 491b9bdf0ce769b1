package gancourse.display;

import java.lang.reflect.Method;

/**
 * The notebook's {@link Screen}, made once from the kernel's own {@code display} and {@code updateDisplay}. The
 * course's kernel imports it at start (kernel/init.jsh: {@code import static gancourse.display.Notebook.screen;}),
 * so a lesson uses {@code screen} without wiring it. The library cannot call the kernel's functions by name (it is
 * compiled without the kernel), so they are looked up when this class is first used: those of
 * rapaio-jupyter-kernel (the course's kernel) or of IJava.
 */
public final class Notebook {
    // Kernels whose display functions are static methods: display(Object) -> id, updateDisplay(String, Object).
    private static final String[] KERNEL_DISPLAYS = {
        "org.rapaio.jupyter.kernel.global.Global",           // rapaio-jupyter-kernel, the course's
        "io.github.spencerpark.ijava.runtime.Display",       // IJava
    };

    /** The screen of the notebook this kernel runs, or the console when no kernel's display functions are here. */
    public static final Screen screen = find();

    private Notebook() {}

    private static Screen find() {
        for (String name : KERNEL_DISPLAYS) {
            try {
                Class<?> c = Class.forName(name, true, loader());
                Method show = c.getMethod("display", Object.class);
                Method replace = c.getMethod("updateDisplay", String.class, Object.class);
                return Screen.of(x -> (String) call(show, x), (id, x) -> call(replace, id, x));
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                // not this kernel: try the next
            }
        }
        // Outside a notebook (a test, a plain JShell): progress lines on the console, pictures skipped.
        return Screen.console();
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Notebook.class.getClassLoader();
    }

    private static Object call(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException("the kernel's " + m.getName() + " failed: " + cause, cause);
        }
    }
}
