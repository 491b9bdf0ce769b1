package gancourse.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import org.rapaio.jupyter.kernel.display.DisplayData;

/*
 * What inspect_request (Shift+Tab, JupyterLab's contextual help) shows: the signatures and Javadoc of the
 * name at the cursor, from JShell's SourceCodeAnalysis. rapaio-jupyter-kernel 3.0.1 asked JShell about a
 * position one past the name, which finds nothing for a method name without its '(' (`Math.abs`) or at the
 * end of the code, the usual case: found was false. Here:
 *   - only the statement (snippet) under the cursor is analysed, not the whole cell;
 *   - a method name without '(' is asked as a call (`Math.abs(`): every overload, with its Javadoc;
 *   - otherwise the type, variable or call around the cursor.
 * The Javadoc comes from the sources JShell can read: the JDK's src.zip and, through JShellSources, the
 * sources jars of DL4J, ND4J and the course library. Without them the signatures are still shown.
 */
public final class Inspection {

    private Inspection() {}

    /** The mime bundle (text/plain and text/html) for the cursor's name, or null when JShell knows none. */
    public static DisplayData of(SourceCodeAnalysis analysis, String code, int cursorCodePoints) {
        int cursor = code.offsetByCodePoints(0, Math.max(0, Math.min(cursorCodePoints, code.codePointCount(0, code.length()))));
        String[] snippet = snippetAt(analysis, code, cursor);
        String source = snippet[0];
        int at = Integer.parseInt(snippet[1]);

        int start = at, end = at;
        while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) end++;
        while (start > 0 && Character.isJavaIdentifierPart(source.charAt(start - 1))) start--;

        List<Documentation> docs = List.of();
        if (start < end) {
            int next = end;
            while (next < source.length() && Character.isWhitespace(source.charAt(next))) next++;
            if (next < source.length() && source.charAt(next) == '(') {
                docs = analysis.documentation(source, next + 1, true);
            } else {
                docs = analysis.documentation(source.substring(0, end) + "(", end + 1, true);
                if (docs.isEmpty()) docs = analysis.documentation(source, end, true);
                if (docs.isEmpty()) docs = instanceMethod(analysis, source.substring(0, end), start);
            }
        } else if (at > 0) {
            docs = analysis.documentation(source, at, true);
        }
        if (docs.isEmpty()) return null;

        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (Documentation d : docs) {
            Javadoc doc = Javadoc.parse(d.javadoc());
            if (text.length() > 0) text.append("\n");
            text.append(d.signature()).append("\n");
            if (!doc.isEmpty()) text.append("\n").append(doc.text()).append("\n");
            html.append("<div style=\"margin-bottom:1em\"><pre style=\"font-weight:bold;margin:0 0 .4em 0\">")
                    .append(Javadoc.escape(d.signature())).append("</pre>").append(doc.html()).append("</div>");
        }
        DisplayData data = DisplayData.fromText(text.toString());
        data.putHTML(html.toString());
        return data;
    }

    // Type.method where method is an instance method (MultiLayerNetwork.calculateGradients): JShell offers only
    // static members after a type name, so the method is asked about on a value of that type.
    private static List<Documentation> instanceMethod(SourceCodeAnalysis analysis, String upToName, int nameStart) {
        int dot = nameStart - 1;
        if (dot <= 0 || upToName.charAt(dot) != '.') return List.of();
        int typeStart = dot;
        while (typeStart > 0 && (Character.isJavaIdentifierPart(upToName.charAt(typeStart - 1)) || upToName.charAt(typeStart - 1) == '.')) {
            typeStart--;
        }
        String type = upToName.substring(typeStart, dot);
        if (type.isEmpty() || !Character.isUpperCase(type.charAt(type.lastIndexOf('.') + 1))) return List.of();
        String call = "((" + type + ") null)." + upToName.substring(nameStart) + "(";
        return analysis.documentation(call, call.length(), true);
    }

    // The statement of the cell that holds the cursor, and the cursor's place in it: the cell cut the way
    // JShell runs it (a cell with imports or several statements cannot be analysed as one).
    private static String[] snippetAt(SourceCodeAnalysis analysis, String code, int cursor) {
        int offset = 0;
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            int used = rest.length() - info.remaining().length();
            if (!info.completeness().isComplete() || used <= 0) break;
            if (cursor <= offset + used) return new String[] {rest.substring(0, used), Integer.toString(cursor - offset)};
            offset += used;
            rest = info.remaining();
        }
        return new String[] {rest, Integer.toString(Math.max(0, cursor - offset))};
    }

    /** A doc comment, as JShell gives it, in plain text and in HTML. */
    record Javadoc(String body, List<String[]> tags) {
        private static final Pattern INLINE = Pattern.compile("\\{@(\\w+)\\s*([^{}]*)}");
        private static final Pattern TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\s*");

        static Javadoc parse(String comment) {
            if (comment == null || comment.isBlank()) return new Javadoc("", List.of());
            Matcher m = TAG.matcher(comment);
            List<int[]> found = new ArrayList<>(); // {where the tag starts, where its text starts}
            while (m.find()) found.add(new int[] {m.start(), m.end()});
            String body = found.isEmpty() ? comment : comment.substring(0, found.get(0)[0]);
            List<String[]> tags = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                int to = i + 1 < found.size() ? found.get(i + 1)[0] : comment.length();
                String name = comment.substring(found.get(i)[0], found.get(i)[1]).strip().substring(1);
                tags.add(new String[] {name, comment.substring(found.get(i)[1], to).strip()});
            }
            return new Javadoc(body.strip(), tags);
        }

        boolean isEmpty() {
            return body.isEmpty() && tags.isEmpty();
        }

        /** Plain text: HTML tags dropped, {@code x} as x, then Parameters, Returns, Throws. */
        String text() {
            StringBuilder s = new StringBuilder(plain(body));
            String section = "";
            for (String[] t : tags) {
                String heading = heading(t[0]);
                if (heading == null) continue;
                if (!heading.equals(section)) {
                    s.append(s.length() > 0 ? "\n\n" : "").append(heading).append(":");
                    section = heading;
                }
                s.append("\n  ").append(plain(item(t)).replace("\n", "\n    "));
            }
            return s.toString().strip();
        }

        /** HTML: the comment's own markup, inline tags as code, block tags as a definition list. */
        String html() {
            StringBuilder s = new StringBuilder("<div>").append(inlineHtml(body)).append("</div>");
            String section = "";
            StringBuilder list = new StringBuilder();
            for (String[] t : tags) {
                String heading = heading(t[0]);
                if (heading == null) continue;
                if (!heading.equals(section)) {
                    list.append("<dt><b>").append(heading).append(":</b></dt>");
                    section = heading;
                }
                String[] parts = t[0].equals("param") || t[0].equals("throws") || t[0].equals("exception")
                        ? t[1].split("\\s+", 2) : new String[] {"", t[1]};
                list.append("<dd>").append(parts[0].isEmpty() ? "" : "<code>" + escape(parts[0]) + "</code> - ")
                        .append(inlineHtml(parts.length > 1 ? parts[1] : "")).append("</dd>");
            }
            if (list.length() > 0) s.append("<dl>").append(list).append("</dl>");
            return s.toString();
        }

        private static String heading(String tag) {
            return switch (tag) {
                case "param" -> "Parameters";
                case "return" -> "Returns";
                case "throws", "exception" -> "Throws";
                case "see" -> "See also";
                case "since" -> "Since";
                case "deprecated" -> "Deprecated";
                default -> null;
            };
        }

        private static String item(String[] tag) {
            if (tag[0].equals("param") || tag[0].equals("throws") || tag[0].equals("exception")) {
                String[] parts = tag[1].split("\\s+", 2);
                return parts[0] + (parts.length > 1 ? " - " + parts[1] : "");
            }
            return tag[1];
        }

        private static String plain(String javadoc) {
            String s = inline(javadoc, false);
            s = s.replaceAll("(?i)<\\s*(p|br)\\s*/?>", "\n\n").replaceAll("(?i)<li>", "\n - ");
            s = s.replaceAll("<[^>]+>", "");
            s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ")
                    .replace("&amp;", "&");
            s = s.replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n");
            return s.strip();
        }

        private static String inlineHtml(String javadoc) {
            return inline(javadoc, true);
        }

        // {@code x} and {@literal x} as x, {@link A#b text} as text or A.b; escaped, since the text is HTML.
        private static String inline(String javadoc, boolean html) {
            Matcher m = INLINE.matcher(javadoc);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String tag = m.group(1), arg = m.group(2).strip(), shown;
                if (tag.equals("link") || tag.equals("linkplain")) {
                    // The reference ends at the first space outside its parentheses: #of(INDArray, int) label
                    int open = arg.indexOf('('), space = arg.indexOf(' ');
                    int end = open >= 0 && (space < 0 || open < space) ? arg.indexOf(')', open) + 1 : space;
                    if (end <= 0) end = arg.length();
                    String label = arg.substring(end).strip();
                    shown = !label.isEmpty() ? label : arg.substring(0, end).replaceFirst("^#", "").replace('#', '.');
                } else {
                    shown = arg;
                }
                boolean asCode = !tag.equals("linkplain") && !tag.equals("literal");
                String piece = html && asCode ? "<code>" + escape(shown) + "</code>" : escape(shown);
                m.appendReplacement(out, Matcher.quoteReplacement(piece));
            }
            m.appendTail(out);
            return out.toString();
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
