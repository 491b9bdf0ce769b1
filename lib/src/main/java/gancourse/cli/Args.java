package gancourse.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Options of the form {@code --name value}, checked against the names a command knows. */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new java.util.ArrayList<>();

    Args(String[] args, int from, Set<String> known) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String name = a.substring(2);
            if (!known.contains(name)) {
                throw new UsageException("unknown option " + a + " (known: --" + String.join(", --", known) + ")");
            }
            if (i + 1 >= args.length) throw new UsageException("option " + a + " needs a value");
            values.put(name, args[++i]);
        }
    }

    List<String> positional() {
        return positional;
    }

    int integer(String name, int fallback, int min) {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.replace("_", ""));
            if (n < min) throw new UsageException("--" + name + " must be at least " + min + ", got " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got '" + v + "'");
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path path(String name, Path fallback) {
        String v = values.get(name);
        return v == null ? fallback : Path.of(v);
    }

    Path requiredPath(String name) {
        String v = values.get(name);
        if (v == null) throw new UsageException("--" + name + " FILE is required");
        return Path.of(v);
    }

    /** A wrong command line: the message says what to type instead. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
