package gancourse.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ShellHistoryRequest;

/*
 * The cells run in this kernel session, for history_request (jupyter console's up-arrow, the Qt console,
 * %history-like tools). rapaio-jupyter-kernel 3.0.1 never answers that request, so a client that sends
 * one waits until it times out. Only this session's cells are kept, in memory: this kernel has no
 * history database, so the session is always number 1 (0 means "the current one" too, as in IPython;
 * earlier sessions, negative numbers, are empty).
 *
 * Each entry is [session, line, input] or, when output is asked for, [session, line, [input, output]],
 * where line is the cell's execution count and output the text/plain of its value (null without one).
 */
public final class History {
    public static final int SESSION = 1;

    private record Cell(int line, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    /** A cell that was run with store_history (and not silent). */
    public synchronized void input(int line, String code) {
        cells.add(new Cell(line, code, null));
    }

    /** The text/plain of the value the cell at that line showed. */
    public synchronized void output(int line, String text) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            Cell c = cells.get(i);
            if (c.line() == line) {
                cells.set(i, new Cell(line, c.input(), text));
                return;
            }
        }
    }

    /** The reply to a history_request. */
    public synchronized Reply answer(ShellHistoryRequest request) {
        List<Cell> chosen = List.of();
        if (request instanceof ShellHistoryRequest.Tail t) {
            chosen = last(cells, t.getMaxReturnLength());
        } else if (request instanceof ShellHistoryRequest.Range r) {
            chosen = range(r.getSessionIndex(), r.getStart(), r.getStop());
        } else if (request instanceof ShellHistoryRequest.Search s) {
            chosen = search(s.getPattern(), s.filterUnique(), s.getMaxReturnLength());
        }
        List<List<Object>> entries = new ArrayList<>();
        for (Cell c : chosen) {
            Object what = request.includeOutput() ? Arrays.asList(c.input(), c.output()) : c.input();
            entries.add(Arrays.asList(SESSION, c.line(), what));
        }
        return new Reply("ok", entries);
    }

    // The last n (all when n <= 0, which is also what a request without n gives).
    private static List<Cell> last(List<Cell> from, int n) {
        return n <= 0 || n >= from.size() ? List.copyOf(from) : List.copyOf(from.subList(from.size() - n, from.size()));
    }

    // Lines start <= line < stop of a session; stop <= 0 (or missing) means up to the last cell.
    private List<Cell> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) return List.of();
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.line() >= start && (stop <= 0 || c.line() < stop)) out.add(c);
        }
        return out;
    }

    // The whole input matches a glob (* any text, ? one character; no pattern matches all), as IPython's
    // search does; unique keeps the latest run of each input; n keeps the last n matches.
    private List<Cell> search(String glob, boolean unique, int n) {
        Pattern p = globPattern(glob == null || glob.isEmpty() ? "*" : glob);
        List<Cell> matches = new ArrayList<>();
        for (Cell c : cells) {
            if (p.matcher(c.input()).matches()) matches.add(c);
        }
        if (unique) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell c : matches) {
                latest.remove(c.input());
                latest.put(c.input(), c);
            }
            matches = new ArrayList<>(latest.values());
        }
        return last(matches, n);
    }

    static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** history_reply's content. */
    public record Reply(String status, List<List<Object>> history) implements ContentType<Reply> {
        static final MessageType<Reply> TYPE = new MessageType<>("history_reply", Reply.class);

        @Override
        public MessageType<Reply> type() {
            return TYPE;
        }
    }
}
