package gancourse.kernel;

/*
 * The one question the kernel asks of a cell's source text: does it end with ';'? In IPython a trailing
 * semicolon hides the cell's value, and the course's notebooks are written that way (`display(img);`).
 * Comments and whitespace after the ';' do not count; a ';' inside a string, a character or a comment does
 * not count either, so `display("a;b")` and `x // done;` end with no semicolon.
 */
public final class CellSource {

    private CellSource() {
    }

    public static boolean endsWithSemicolon(String code) {
        char last = 0; // the last character that is code: not whitespace, not in a comment
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (code.startsWith("\"\"\"", i)) {
                last = '"';
                i = endOfLiteral(code, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                last = c;
                i = endOfLiteral(code, i + 1, String.valueOf(c));
            } else {
                if (!Character.isWhitespace(c)) {
                    last = c;
                }
                i++;
            }
        }
        return last == ';';
    }

    /** The index just past the quote that closes a literal whose text starts at from; escapes skipped. */
    private static int endOfLiteral(String code, int from, String quote) {
        int i = from;
        while (i < code.length()) {
            if (code.charAt(i) == '\\') {
                i += 2;
            } else if (code.startsWith(quote, i)) {
                return i + quote.length();
            } else if (code.charAt(i) == '\n' && quote.length() == 1) {
                return i; // an unclosed string ends at its line, as javac sees it
            } else {
                i++;
            }
        }
        return code.length();
    }
}
