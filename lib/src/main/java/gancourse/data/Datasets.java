package gancourse.data;

import gancourse.Course;

import java.nio.file.Path;
import java.util.List;

/**
 * The course's datasets by name: "mnist", "fashion-mnist" and "cifar-10", each with a "train" and a "test"
 * split. The first use downloads and checks a dataset (or copies it from the mirror named by
 * {@code GAN_COURSE_DATA_MIRROR}) into {@code GAN_COURSE_DATA}; later uses read the checked copy.
 *
 * <pre>{@code
 * ImageDataset mnist = Datasets.load("mnist", "train");
 * var batches = mnist.flatIterator(128, 42);
 * INDArray real = batches.next().getFeatures();   // [128, 784] in [-1, 1]
 * }</pre>
 */
public final class Datasets {
    public static final List<String> NAMES = Spec.ALL.stream().map(Spec::name).toList();

    /** CIFAR-10's classes, in label order, as its batches.meta.txt names them. */
    public static final List<String> CIFAR_10_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /** In smoke mode a split keeps only its first images, so that every notebook runs in seconds. */
    public static final int SMOKE_TRAIN = 2048;
    public static final int SMOKE_TEST = 1024;

    /** How one dataset stands in the cache. */
    public record Status(String name, Path folder, boolean cached, boolean verified, String detail) {
        @Override
        public String toString() {
            return name + ": " + detail + " (" + folder + ")";
        }
    }

    private Datasets() {}

    /** A whole split ("train" or "test"), or its first images in smoke mode. */
    public static ImageDataset load(String name, String split) {
        return load(name, split, Integer.MAX_VALUE);
    }

    /** The first {@code maxImages} of a split (fewer in smoke mode): quicker than loading all of it. */
    public static ImageDataset load(String name, String split, int maxImages) {
        Spec spec = Spec.byName(name);
        boolean train = isTrain(split);
        if (maxImages < 1) throw new IllegalArgumentException("maxImages must be 1 or more, not " + maxImages);
        int limit = Course.smoke() ? Math.min(maxImages, train ? SMOKE_TRAIN : SMOKE_TEST) : maxImages;
        return read(spec, Cache.fromSettings().ensure(spec), train, limit);
    }

    /** Downloads and checks a dataset now (a no-op once it is cached); returns its folder. */
    public static Path fetch(String name) {
        return Cache.fromSettings().ensure(Spec.byName(name));
    }

    /** For each dataset, whether it is cached and verified. Reads no data and changes nothing. */
    public static List<Status> status() {
        Cache cache = Cache.fromSettings();
        return Spec.ALL.stream().map(cache::status).toList();
    }

    static ImageDataset read(Spec spec, Path dir, boolean train, int limit) {
        return spec == Spec.CIFAR_10
                ? Cifar.read(dir, train, limit)
                : Idx.read(dir, spec.name(), train, limit, spec.classNames());
    }

    private static boolean isTrain(String split) {
        if ("train".equals(split)) return true;
        if ("test".equals(split)) return false;
        throw new DatasetException("Unknown split '" + split + "'. Use \"train\" or \"test\".");
    }
}
