package gancourse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of the form {@code --name value} (or {@code --name=value}), checked against the names a command knows.
 * Every value is checked when it is read, and the commands read them all before any data is loaded: a wrong
 * command line costs nothing.
 */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new java.util.ArrayList<>();

    Args(String[] args, int from, Set<String> known) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-") || isNumber(a)) {
                positional.add(a);
                continue;
            }
            if (!a.startsWith("--")) throw new UsageException("unknown option " + a + " (options start with --)");
            int eq = a.indexOf('=');
            String name = a.substring(2, eq < 0 ? a.length() : eq);
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", new TreeSet<>(known)) + ")");
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.length || (args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (value.isBlank()) throw new UsageException("option --" + name + " was given an empty value");
            if (values.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice: give it once");
            }
        }
    }

    private static boolean isNumber(String a) {
        return a.matches("-[0-9.].*");
    }

    List<String> positional() {
        return positional;
    }

    /** Refuses words that are no option, e.g. a value whose option was mistyped. */
    void noPositional(String command) {
        if (!positional.isEmpty()) {
            throw new UsageException(command + ": unexpected '" + positional.get(0) + "' (options are --name value)");
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A whole number in [min, max], or the fallback when the option is not given. */
    int integer(String name, int fallback, int min, int max) {
        String v = values.get(name);
        if (v == null) return fallback;
        long n;
        try {
            n = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new UsageException("--" + name + " must be from " + min + " to " + max + ", got " + v);
        }
        return (int) n;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** One of the allowed values, or the fallback when the option is not given. */
    String choice(String name, String fallback, Collection<String> allowed) {
        String v = values.get(name);
        if (v == null) return fallback;
        if (!allowed.contains(v)) throw new UsageException("--" + name + " must be one of " + allowed + ", got '" + v + "'");
        return v;
    }

    /** A file to read: it must exist, be a regular file and be readable. */
    Path inputFile(String name) {
        String v = values.get(name);
        if (v == null) throw new UsageException("--" + name + " FILE is required");
        Path p = path(name, v);
        if (Files.isDirectory(p)) throw new UsageException("--" + name + " " + p + " is a folder: give a file");
        if (!Files.exists(p)) throw new UsageException("--" + name + " " + p + ": no such file; check the path");
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new UsageException("--" + name + " " + p + " cannot be read: check its permissions");
        }
        return p;
    }

    /** A file to write, checked now by writing a scratch file beside it: after training is too late. */
    Path outputFile(String name, Path fallback) {
        String v = values.get(name);
        Path p = v == null ? fallback : path(name, v);
        if (Files.isDirectory(p)) {
            String example = name.equals("checkpoint") ? "checkpoint.zip" : "samples" + extension(fallback);
            throw new UsageException("--" + name + " " + p + " is a folder: give a file name, e.g. " + p.resolve(example));
        }
        if (Files.exists(p) && !Files.isWritable(p)) {
            throw new UsageException("--" + name + " " + p + " cannot be overwritten: check its permissions, or choose another file");
        }
        canWriteIn(name, p, p.toAbsolutePath().getParent());
        return p;
    }

    /** A folder to write files into (made if missing), checked now. */
    Path outputFolder(String name, Path fallback) {
        String v = values.get(name);
        Path p = v == null ? fallback : path(name, v);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException("--" + name + " " + p + " is a file: give a folder");
        }
        canWriteIn(name, p, p.toAbsolutePath());
        return p;
    }

    /** An optional checkpoint: if it exists, a readable file; in any case a place that can be written. */
    Path checkpoint(String name) {
        String v = values.get(name);
        if (v == null) return null;
        Path p = outputFile(name, null);
        if (Files.exists(p) && (!Files.isRegularFile(p) || !Files.isReadable(p))) {
            throw new UsageException("--" + name + " " + p + " cannot be read: check its permissions");
        }
        return p;
    }

    private static String extension(Path p) {
        String n = p == null ? "" : p.getFileName().toString();
        return n.contains(".") ? n.substring(n.lastIndexOf('.')) : "";
    }

    private static Path path(String name, String v) {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " '" + v + "' is not a valid path: " + e.getReason());
        }
    }

    private static void canWriteIn(String name, Path target, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new UsageException("--" + name + " " + target + " cannot be written (" + describe(e)
                    + "): choose a path in a folder you can write");
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no folder " + e.getMessage() + " can be made there";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return e.getMessage() + " is a file, not a folder";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.toString();
    }

    /** A wrong command line: the message says what to type instead. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
