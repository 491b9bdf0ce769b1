package gancourse.kernel;

import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/*
 * is_complete_request for code that JShell's completeness analysis calls complete. rapaio-jupyter-kernel
 * 3.0.1 answered "complete" for all of it, so a console (jupyter console, VS Code's interactive window) ran
 * `int x = ;` as if it were whole. JShell parses each complete statement into snippets without running it;
 * a statement that parses as erroneous (a syntax error) makes the code "invalid". Code that compiles but
 * refers to unknown names is still complete: only running it can tell.
 */
public final class IsComplete {

    private IsComplete() {}

    /** True when a complete statement of the code does not parse, or JShell cannot tell where one ends. */
    public static boolean invalid(SourceCodeAnalysis analysis, String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete()) {
                return info.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN;
            }
            for (Snippet snippet : analysis.sourceToSnippets(info.source())) {
                if (snippet.kind() == Snippet.Kind.ERRONEOUS) return true;
            }
            if (info.remaining().length() >= rest.length()) return false; // no progress: stop
            rest = info.remaining();
        }
        return false;
    }
}
