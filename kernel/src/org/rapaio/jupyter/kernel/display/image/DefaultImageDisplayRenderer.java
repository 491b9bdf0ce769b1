package org.rapaio.jupyter.kernel.display.image;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.MimeType;
import org.rapaio.jupyter.kernel.global.Global;

/*
 * Replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1 (same public methods, so the
 * kernel links to it): shows a RenderedImage (a BufferedImage) as image/png, image/gif or image/jpeg.
 *
 * Why: 3.0.1 let ImageIO write into a Base64 encoding stream that it never closed. Such a stream holds back
 * the last one or two bytes until it is closed, so in two cases out of three the picture's end was lost:
 * the PNG's IEND chunk. Browsers forgive that; ImageMagick, PIL and nbconvert's PDF export refuse the picture,
 * and a student's saved notebook holds a broken file. Here the image is encoded whole, then turned to Base64.
 */
public class DefaultImageDisplayRenderer implements DisplayRenderer {

    private static final Map<MimeType, String> FORMATS = Map.of(
            MimeType.PNG, "png",
            MimeType.GIF, "gif",
            MimeType.JPEG, "jpeg");

    @Override
    public Class<?> rendererClass() {
        return RenderedImage.class;
    }

    @Override
    public boolean canRender(String mime) {
        return FORMATS.containsKey(mimeType(mime));
    }

    @Override
    public DisplayData render(String mime, Object o) {
        MimeType type = mimeType(mime);
        String format = FORMATS.get(type);
        if (format == null || !(o instanceof RenderedImage image)) {
            throw new IllegalArgumentException("this renderer shows images as png, gif or jpeg, not " + mime);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DisplayData.withType(type.longType(), Base64.getEncoder().encodeToString(bytes.toByteArray()));
    }

    private static MimeType mimeType(String mime) {
        return MimeType.from(mime, Global.options().display().defaultMimeImage());
    }
}
