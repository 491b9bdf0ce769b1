package gancourse.kernel;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/*
 * Where JShell reads the Javadoc that inspect_request shows. JShell's SourceCodeAnalysis looks only in the
 * JDK's lib/src.zip, so DL4J's, ND4J's and the course library's documentation was never found. Its
 * source list has one hook, a static field (jdk.jshell's own tests set it); here it is set, before the
 * kernel starts JShell, to the JDK's sources followed by the sources jars that install-kernel names in
 * the system property gancourse.kernel.sources (entries separated by ':'; a 'dir/*' entry means every jar
 * in dir). The field needs --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED, which the kernelspec passes.
 * Without it, or on a JDK where the field is gone, inspection still shows signatures: a note goes to the
 * kernel's log, nothing fails.
 */
final class JShellSources {
    static final String PROPERTY = "gancourse.kernel.sources";

    private JShellSources() {}

    static void install() {
        String listed = System.getProperty(PROPERTY, "");
        if (listed.isBlank()) return;
        List<Path> sources = new ArrayList<>(jdkSources());
        for (String entry : listed.split(File.pathSeparator)) {
            sources.addAll(expand(entry));
        }
        try {
            Class<?> analysis = Class.forName("jdk.jshell.SourceCodeAnalysisImpl");
            Field override = analysis.getDeclaredField("availableSourcesOverride");
            override.setAccessible(true);
            override.set(null, List.copyOf(sources));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("gan-course kernel: Javadoc of the libraries will not show in inspection (" + e + ")");
        }
    }

    // What JShell itself would read: the JDK's src.zip, one source root per module.
    private static List<Path> jdkSources() {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib/src.zip");
        if (!Files.isReadable(zip)) zip = home.getParent().resolve("src.zip");
        if (!Files.isReadable(zip)) return List.of();
        List<Path> roots = new ArrayList<>();
        try {
            FileSystem fs = FileSystems.newFileSystem(zip, Map.of()); // stays open: JShell reads it later
            Path root = fs.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) return List.of(zip);
            try (DirectoryStream<Path> modules = Files.newDirectoryStream(root, Files::isDirectory)) {
                modules.forEach(roots::add);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return roots;
    }

    private static List<Path> expand(String entry) {
        if (entry.isBlank()) return List.of();
        if (!entry.endsWith("/*")) return Files.exists(Path.of(entry)) ? List.of(Path.of(entry)) : List.of();
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(entry.substring(0, entry.length() - 2)), "*.jar")) {
            dir.forEach(jars::add);
        } catch (IOException e) {
            return List.of();
        }
        jars.sort(null);
        return jars;
    }
}
