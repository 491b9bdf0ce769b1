package gancourse.data;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One dataset as its authors publish it: where to download it, what it unpacks to, and how to know the
 * bytes are the right ones.
 *
 * <p>The checks are on the unpacked content (SHA-256), because the same data circulates in archives with
 * different gzip headers. CIFAR-10 is also accepted by the MD5 of its official archive: the course's
 * offline mirror holds a rebuilt copy whose files differ from the official ones.
 *
 * @param name       the name a notebook asks for, also the cache folder and the mirror folder
 * @param urls       base addresses to try in turn, each ending with '/'
 * @param downloads  the files to download, {@code .gz} (one file) or {@code .tar.gz} (several)
 * @param files      the files unpacked into the cache, relative to its folder
 * @param sha256     expected SHA-256 of every unpacked file (a file without one is refused, unless the archive's MD5 matches)
 * @param archiveMd5 MD5 of an official archive that is accepted whatever the sums of its files, or null
 * @param archiveSize the size in bytes of that archive
 * @param classNames the label names, or null when the dataset ships them (CIFAR-10)
 */
record Spec(String name, List<String> urls, List<String> downloads, List<String> files,
            Map<String, String> sha256, String archiveMd5, long archiveSize, List<String> classNames) {

    private static final List<String> IDX_FILES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    private static final List<String> IDX_DOWNLOADS = IDX_FILES.stream().map(f -> f + ".gz").toList();

    static final Spec MNIST = new Spec("mnist",
            // yann.lecun.com, the historical home, often answers 403 now: try the copies PyTorch uses first.
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/",
                    "http://yann.lecun.com/exdb/mnist/"),
            IDX_DOWNLOADS, IDX_FILES,
            Map.of("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            null, 0,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    static final Spec FASHION_MNIST = new Spec("fashion-mnist",
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"),
            IDX_DOWNLOADS, IDX_FILES,
            Map.of("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            null, 0,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    static final String CIFAR_DIR = "cifar-10-batches-bin/";

    static final Spec CIFAR_10 = new Spec("cifar-10",
            List.of("https://www.cs.toronto.edu/~kriz/"),
            List.of("cifar-10-binary.tar.gz"),
            List.of(CIFAR_DIR + "data_batch_1.bin", CIFAR_DIR + "data_batch_2.bin", CIFAR_DIR + "data_batch_3.bin",
                    CIFAR_DIR + "data_batch_4.bin", CIFAR_DIR + "data_batch_5.bin", CIFAR_DIR + "test_batch.bin",
                    CIFAR_DIR + "batches.meta.txt"),
            // The sums of the course mirror's rebuilt copy; the official archive is known by its MD5 instead.
            Map.of(CIFAR_DIR + "data_batch_1.bin", "cee916563c9f80d84e3cc88e17fdc0941787f1244f00a67874d45b261883ada5",
                    CIFAR_DIR + "data_batch_2.bin", "a591ca11fa1708a91ee40f54b3da4784ccd871ecf2137de63f51ada8b3fa57ed",
                    CIFAR_DIR + "data_batch_3.bin", "bbe8596564c0f86427f876058170b84dac6670ddf06d79402899d93ceea26f67",
                    CIFAR_DIR + "data_batch_4.bin", "014e562d6e23c72197cc727519169a60359f5eccd8945ad5a09d710285ff4e48",
                    CIFAR_DIR + "data_batch_5.bin", "755304fc0b379caeae8c14f0dac912fbc7d6cd469eb67a1029a08a39453a9add",
                    CIFAR_DIR + "test_batch.bin", "8e2eb146ae340b09e24670f29cabc6326dba54da8789dab6768acf480273f65b",
                    CIFAR_DIR + "batches.meta.txt", "2ce042b1e0b48db4bb214408e6414ba18b2731c24af244f2d6c112fddf31af00"),
            "c32a1d4ab5d03f1284b67883e8d87530", 170_052_171L,
            null);

    static final List<Spec> ALL = List.of(MNIST, FASHION_MNIST, CIFAR_10);

    static Spec byName(String name) {
        for (Spec s : ALL) {
            if (s.name.equals(name)) return s;
        }
        throw new DatasetException("Unknown dataset '" + name + "'. Valid names: "
                + ALL.stream().map(Spec::name).collect(Collectors.joining(", ")) + ".");
    }

    /** The same dataset fetched from other addresses (the tests serve it locally). */
    Spec withUrls(List<String> otherUrls) {
        return new Spec(name, otherUrls, downloads, files, sha256, archiveMd5, archiveSize, classNames);
    }

    static boolean isTar(String download) {
        return download.endsWith(".tar.gz");
    }

    /** The file a single-file {@code .gz} download unpacks to. */
    static String gunzipped(String download) {
        return download.substring(0, download.length() - ".gz".length());
    }
}
