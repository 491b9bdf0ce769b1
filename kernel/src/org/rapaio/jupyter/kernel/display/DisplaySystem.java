package org.rapaio.jupyter.kernel.display;

import java.awt.image.RenderedImage;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;

import org.rapaio.jupyter.kernel.display.image.DefaultImageDisplayRenderer;
import org.rapaio.jupyter.kernel.display.sequence.DefaultCollectionDisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.rapaio.jupyter.kernel.display.table.DefaultTableDisplayRenderer;
import org.rapaio.jupyter.kernel.display.table.MapTableTransformer;
import org.rapaio.jupyter.kernel.display.table.OptionsTableTransformer;

/*
 * Replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1: turns a cell's value (and
 * what display(x) shows) into a mime bundle. Same public methods as 3.0.1, so the kernel links to it.
 *
 * Why: 3.0.1 gave a value only its richest form, for most values text/html alone (`6 * 7` gave
 * {'text/html': '42'}). Jupyter expects every result to carry text/plain, which jupyter console,
 * nbconvert --to markdown or script, and text-only viewers show. Here a value rendered without an explicit
 * MIME type also gets text/plain: its toString() (an array's elements; an image's size; the course's Html,
 * its plain-text form). display(mime, x), which asks for one type, still sends only that one.
 *
 * How a value is rendered is otherwise as in 3.0.1: renderers from DisplayProvider services (added with
 * %jars or %dependency), then the built-in ones (collections, images, tables), each tried on the value and
 * then on what each transformer makes of it (maps and options become tables); failing those, toString()
 * under the default MIME type of the kernel's options.
 */
public final class DisplaySystem {

    private static final DisplaySystem INSTANCE = new DisplaySystem();

    public static DisplaySystem inst() {
        return INSTANCE;
    }

    private final ServiceLoader<DisplayProvider> providers = ServiceLoader.load(DisplayProvider.class);
    private final List<DisplayRenderer> addedRenderers = new ArrayList<>();
    private final List<DisplayTransformer> addedTransformers = new ArrayList<>();
    private final List<DisplayRenderer> builtInRenderers = List.of(
            new DefaultCollectionDisplayRenderer(), new DefaultImageDisplayRenderer(), new DefaultTableDisplayRenderer());
    private final List<DisplayTransformer> builtInTransformers = List.of(
            new MapTableTransformer(), new OptionsTableTransformer());
    private final DefaultDisplayRenderer fallback = new DefaultDisplayRenderer();

    private DisplaySystem() {
        refreshSpiDisplayHandlers();
    }

    /** Reads the DisplayProvider services again (after a jar was added to the class path). */
    public synchronized void refreshSpiDisplayHandlers() {
        providers.reload();
        addedRenderers.clear();
        addedTransformers.clear();
        providers.forEach(p -> {
            addedRenderers.addAll(p.getDisplayRenderers());
            addedTransformers.addAll(p.getDisplayTransformers());
        });
    }

    public DisplayData render(Object o) {
        return render(null, o);
    }

    /** The bundle for o; mime null or blank: the renderer's choice, plus text/plain. */
    public DisplayData render(String mime, Object o) {
        boolean asked = mime != null && !mime.isBlank();
        DisplayData dd = rendered(asked ? mime : null, o);
        if (!asked && !dd.data().containsKey(MimeType.TEXT.longType())) {
            dd.putText(plainText(o));
        }
        if (!dd.hasDisplayId()) {
            dd.setDisplayId(UUID.randomUUID().toString());
        }
        return dd;
    }

    private synchronized DisplayData rendered(String mime, Object o) {
        if (o == null) {
            return fallback.render(mime, null);
        }
        DisplayData dd = byRenderers(mime, o);
        for (List<DisplayTransformer> transformers : List.of(addedTransformers, builtInTransformers)) {
            for (DisplayTransformer t : transformers) {
                if (dd == null && t.canTransform(o)) {
                    Object transformed = t.transform(o);
                    dd = transformed == null ? null : byRenderers(mime, transformed);
                }
            }
        }
        return dd != null ? dd : fallback.render(mime, o);
    }

    private DisplayData byRenderers(String mime, Object o) {
        for (DisplayRenderer r : addedRenderers) {
            if (r.rendererClass().isInstance(o) && r.canRender(mime)) {
                return r.render(mime, o);
            }
        }
        for (DisplayRenderer r : builtInRenderers) {
            if (r.rendererClass().isInstance(o)) {
                return r.render(mime, o);
            }
        }
        return null;
    }

    /** What a console shows for o. */
    static String plainText(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof RenderedImage image) {
            return o.getClass().getSimpleName() + " " + image.getWidth() + "x" + image.getHeight();
        }
        if (o.getClass().isArray()) {
            Object[] items = new Object[Array.getLength(o)];
            for (int i = 0; i < items.length; i++) {
                items[i] = Array.get(o, i);
            }
            return Arrays.deepToString(items);
        }
        // The course's gancourse.display.Html keeps a plain-text form beside its markup (its toString()).
        if (o.getClass().getName().equals("gancourse.display.Html")) {
            try {
                return String.valueOf(o.getClass().getMethod("text").invoke(o));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to toString()
            }
        }
        return String.valueOf(o);
    }
}
