package gancourse.training;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GAN training run in one file: G and D with their optimiser state, the iteration, the settings and the
 * history. One zip, written next to its final name and renamed into place, so a crash while saving leaves
 * the previous checkpoint as it was.
 */
public final class Checkpoint {
    private static final String GENERATOR = "generator.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";
    private static final String STATE = "state.properties";
    private static final String HISTORY = "history.csv";
    private static final String AVERAGE = "generator-average.bin"; // the running sum of G's weights, if averaged

    private Checkpoint() {}

    static void save(Path file, GanTrainer trainer) throws IOException {
        TrainerSettings s = trainer.settings();
        Properties state = new Properties();
        state.setProperty("iteration", Long.toString(trainer.iteration()));
        state.setProperty("batchSize", Integer.toString(s.batchSize()));
        state.setProperty("seed", Long.toString(s.seed()));
        state.setProperty("noise", s.noise().name());
        state.setProperty("realLabel", Double.toString(s.realLabel()));
        state.setProperty("fakeLabel", Double.toString(s.fakeLabel()));
        state.setProperty("labelFlip", Double.toString(s.labelFlip()));
        state.setProperty("generatorLoss", s.generatorLoss().name());
        state.setProperty("fixedNoiseSize", Integer.toString(s.fixedNoiseSize()));
        state.setProperty("generatorAverage", Double.toString(s.generatorAverage()));
        WeightAverage average = trainer.average();
        if (average != null) state.setProperty("generatorAverageSteps", Long.toString(average.steps()));
        trainer.identity().forEach(state::setProperty);
        StringBuilder history = new StringBuilder("iteration,epoch,lossD,lossG,dReal,dFake\n");
        for (GanStep h : trainer.history()) {
            history.append(h.iteration()).append(',').append(h.epoch()).append(',').append(h.lossD()).append(',')
                    .append(h.lossG()).append(',').append(h.dReal()).append(',').append(h.dFake()).append('\n');
        }
        ByteArrayOutputStream props = new ByteArrayOutputStream();
        state.store(props, "GAN training state");

        writeAtomically(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, GENERATOR, modelBytes(trainer.generator()));
                entry(zip, DISCRIMINATOR, modelBytes(trainer.discriminator()));
                entry(zip, STATE, props.toByteArray());
                entry(zip, HISTORY, history.toString().getBytes(StandardCharsets.UTF_8));
                if (average != null) entry(zip, AVERAGE, arrayBytes(average.sum()));
            }
        });
    }

    static GanTrainer load(Path file, INDArray data) {
        Map<String, byte[]> parts = parts(file);
        TrainerSettings s;
        MultiLayerNetwork g;
        MultiLayerNetwork d;
        long iteration;
        List<GanStep> history = new ArrayList<>();
        Map<String, String> id;
        SavedAverage average = null;
        try {
            Properties p = new Properties();
            p.load(new ByteArrayInputStream(parts.get(STATE)));
            id = identity(p);
            s = new TrainerSettings(Integer.parseInt(p.getProperty("batchSize")),
                    Long.parseLong(p.getProperty("seed")), Noise.valueOf(p.getProperty("noise")),
                    Double.parseDouble(p.getProperty("realLabel")), Double.parseDouble(p.getProperty("fakeLabel")),
                    Double.parseDouble(p.getProperty("labelFlip")),
                    GanTrainer.GeneratorLoss.valueOf(p.getProperty("generatorLoss")),
                    Integer.parseInt(p.getProperty("fixedNoiseSize")),
                    Double.parseDouble(p.getProperty("generatorAverage", "0"))); // older checkpoints: none
            average = savedAverage(parts, p);
            iteration = Long.parseLong(p.getProperty("iteration"));
            g = readModel(parts.get(GENERATOR));
            d = readModel(parts.get(DISCRIMINATOR));
            String[] lines = new String(parts.get(HISTORY), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                history.add(new GanStep(Long.parseLong(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
        GanTrainer trainer;
        try {
            trainer = new GanTrainer(g, d, data, s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint " + file + " does not fit this data: " + e.getMessage()
                    + ". It belongs to another model" + described(id) + "; give a checkpoint file of "
                    + "this model's own.", e);
        }
        trainer.restore(iteration, history);
        if (average != null) trainer.average().restore(average.sum(), average.steps());
        id.forEach(trainer::identify);
        return trainer;
    }

    /** What a checkpoint says it belongs to ("model", "dataset", ...), empty for one written before they were recorded. */
    public static Map<String, String> identity(Path file) {
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(parts(file).get(STATE)));
        } catch (IOException e) {
            throw damaged(file, e);
        }
        return identity(p);
    }

    private static Map<String, String> identity(Properties p) {
        Map<String, String> id = new java.util.TreeMap<>();
        for (String key : GanTrainer.IDENTITY_KEYS) {
            if (p.getProperty(key) != null) id.put(key, p.getProperty(key));
        }
        return id;
    }

    /**
     * Refuses a checkpoint that belongs to another model or dataset, or that does not say (written by an older
     * version of the course): resumed, it would fail deep in training or, worse, go on silently with the wrong data.
     */
    public static void requireBelongsTo(Path file, Map<String, String> expected) {
        Map<String, String> id = identity(file);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint " + file + " does not say which model and dataset it "
                    + "belongs to (it was written by an older version of the course), so it cannot be resumed as"
                    + described(expected) + ". Move it away or delete it to train from the start, or give --checkpoint "
                    + "another file.");
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String recorded = id.get(e.getKey());
            if (!e.getValue().equals(recorded)) {
                throw new IllegalArgumentException("the checkpoint " + file + " belongs to" + described(id) + ", not to"
                        + described(expected) + ": give --checkpoint a file of its own for this run (or delete this "
                        + "one to start over)");
            }
        }
    }

    private static String described(Map<String, String> id) {
        if (id.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        for (String k : GanTrainer.IDENTITY_KEYS) {
            if (id.containsKey(k)) b.append(b.length() == 0 ? " " : ", ").append(k).append(' ').append(id.get(k));
        }
        return b.toString();
    }

    /**
     * Whether the checkpoint's G and D have the layers of {@code g} and {@code d} (each layer's kind and number of
     * parameters). A checkpoint written by an earlier version of a recipe does not: resumed, it would go on training
     * the old networks while the lesson's text describes the new ones.
     */
    public static boolean holdsNetworksLike(Path file, MultiLayerNetwork g, MultiLayerNetwork d) {
        Map<String, byte[]> parts = parts(file);
        try {
            return layers(savedConfiguration(parts.get(GENERATOR))).equals(layers(g.getLayerWiseConfigurations()))
                    && layers(savedConfiguration(parts.get(DISCRIMINATOR)))
                            .equals(layers(d.getLayerWiseConfigurations()));
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    /**
     * Renames a checkpoint of other networks than {@code g} and {@code d} (see {@link #holdsNetworksLike}) to
     * NAME-earlier.zip beside it, and says so: the run then trains the current networks from the start, and the
     * earlier ones are not lost. Returns whether it did.
     */
    public static boolean setAsideIfUnlike(Path file, MultiLayerNetwork g, MultiLayerNetwork d) {
        if (!Files.isRegularFile(file) || holdsNetworksLike(file, g, d)) return false;
        String name = file.getFileName().toString().replaceFirst("\\.zip$", "");
        // A free name: an earlier set-aside checkpoint is kept too.
        Path aside = file.resolveSibling(name + "-earlier.zip");
        for (int k = 2; Files.exists(aside); k++) aside = file.resolveSibling(name + "-earlier-" + k + ".zip");
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + file + " aside to " + aside + ": " + e.getMessage()
                    + ". Move or delete it yourself, then run again.", e);
        }
        System.out.println(file + " held the networks of an earlier version of this recipe: moved to " + aside
                + ", and the current networks train from the start");
        return true;
    }

    // Each layer's kind and number of parameters: what a recipe's code fixes, whatever the seed or the training.
    private static List<String> layers(MultiLayerConfiguration conf) {
        List<String> layers = new ArrayList<>();
        for (var c : conf.getConfs()) {
            layers.add(c.getLayer().getClass().getSimpleName() + " " + c.getLayer().initializer().numParams(c));
        }
        return layers;
    }

    // The configuration inside a network saved by ModelSerializer, without reading its weights.
    private static MultiLayerConfiguration savedConfiguration(byte[] model) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(model))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("configuration.json")) {
                    return MultiLayerConfiguration.fromJson(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        throw new IOException("no configuration.json in a saved network");
    }

    /**
     * The generator of a GanTrainer checkpoint, alone, as it draws the run's samples: to draw with a trained G without
     * its training data. When the run averaged G's weights, this is the average (see {@link WeightAverage}).
     */
    public static MultiLayerNetwork loadGenerator(Path file) {
        Map<String, byte[]> parts = parts(file);
        try {
            MultiLayerNetwork g = readModel(parts.get(GENERATOR));
            Properties p = new Properties();
            p.load(new ByteArrayInputStream(parts.get(STATE)));
            SavedAverage saved = savedAverage(parts, p);
            if (saved == null) return g;
            WeightAverage average = new WeightAverage(g, saved.decay(), Noise.valueOf(p.getProperty("noise")));
            average.restore(saved.sum(), saved.steps());
            return average.network();
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    /** The discriminator of a GanTrainer checkpoint, alone (image completion uses its verdict). */
    public static MultiLayerNetwork loadDiscriminator(Path file) {
        return network(file, DISCRIMINATOR);
    }

    private static MultiLayerNetwork network(Path file, String part) {
        try {
            return readModel(parts(file).get(part));
        } catch (IOException | RuntimeException e) {
            throw damaged(file, e);
        }
    }

    // The checkpoint's entries by name; all four must be there.
    private static Map<String, byte[]> parts(Path file) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) parts.put(e.getName(), zip.readAllBytes());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no checkpoint at " + file + ": train first, or check the path");
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint " + file + " cannot be read (" + e.getMessage()
                    + "). Delete it and train again, or use an older one.", e);
        }
        for (String name : List.of(GENERATOR, DISCRIMINATOR, STATE, HISTORY)) {
            if (!parts.containsKey(name)) {
                throw new IllegalArgumentException("the checkpoint " + file + " is incomplete (no " + name
                        + "): it was not written by GanTrainer, or is damaged. Delete it and train again.");
            }
        }
        return parts;
    }

    // One message for every way a checkpoint's contents can fail to read: what happened, and what to do.
    private static IllegalArgumentException damaged(Path file, Exception e) {
        return new IllegalArgumentException("the checkpoint " + file + " is damaged (" + e + "). "
                + "Delete it and train again, or use an older one.", e);
    }

    /** Save one network (with its optimiser state) so that a crash while saving loses nothing. */
    public static void saveModel(MultiLayerNetwork net, Path file) {
        try {
            writeAtomically(file, out -> out.write(modelBytes(net)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the model to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Load a network saved by {@link #saveModel}, or by DL4J's ModelSerializer. */
    public static MultiLayerNetwork loadModel(Path file) {
        try {
            return readModel(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no saved model at " + file + ": save one first, or check the path");
        } catch (IOException e) {
            throw new UncheckedIOException("the model file " + file + " cannot be read: " + e.getMessage()
                    + ". Delete it and save or train again.", e);
        }
    }

    /** Writes a file's content; see {@link #writeAtomically}. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Write next to the target, flush to disk, then rename over it: the target is always whole. */
    public static void writeAtomically(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (FileOutputStream file0 = new FileOutputStream(tmp.toFile())) {
                // The writer may close its stream (a ZipOutputStream does); we still have to sync the file.
                OutputStream out = new BufferedOutputStream(file0, 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                writer.write(out);
                out.flush();
                file0.getFD().sync();
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] modelBytes(MultiLayerNetwork net) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        return bytes.toByteArray();
    }

    private static byte[] arrayBytes(INDArray a) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            org.nd4j.linalg.factory.Nd4j.write(a, out);
        }
        return bytes.toByteArray();
    }

    /** What a checkpoint holds of the average of G's weights: its decay, running sum and steps. */
    private record SavedAverage(double decay, INDArray sum, long steps) {}

    // The average's saved state, or null when the run drew from G itself (or was saved before averages existed).
    private static SavedAverage savedAverage(Map<String, byte[]> parts, Properties state) throws IOException {
        double decay = Double.parseDouble(state.getProperty("generatorAverage", "0"));
        if (decay == 0) return null;
        byte[] bytes = parts.get(AVERAGE);
        if (bytes == null) throw new IOException("no " + AVERAGE + " although the settings average G's weights");
        try (java.io.DataInputStream in = new java.io.DataInputStream(new ByteArrayInputStream(bytes))) {
            return new SavedAverage(decay, org.nd4j.linalg.factory.Nd4j.read(in),
                    Long.parseLong(state.getProperty("generatorAverageSteps")));
        }
    }

    private static MultiLayerNetwork readModel(byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return ModelSerializer.restoreMultiLayerNetwork(in, true);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
