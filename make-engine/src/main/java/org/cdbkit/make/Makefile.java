package org.cdbkit.make;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What cdbmake-all reads of a folder's Makefile: its variables, the rules that build cdbs with
 * tcprules or cdbmake (explicit, pattern and suffix rules), and the cdbs its {@code all:} target
 * asks for. Other rules and directives (GNU make's {@code include}, {@code ifeq}..., BSD make's
 * {@code .include}, {@code .if}...) are passed over, conditionals taken as if every branch held; a
 * line make itself would refuse, or an {@code all:} line that cannot be expanded without running
 * make, is a {@code FILE:LINE:} {@link SourceError}.
 */
final class Makefile {
    /** A line of the file: its number (the first, for a line continued with backslashes) and text. */
    record Line(int number, String text) {
    }

    /** A rule as written: its targets and prerequisites not expanded yet, and its recipe. */
    private record Rule(Line line, String targets, String prerequisites, List<Line> recipe) {
    }

    /**
     * The cdbs {@code all:} asks for, directly or through other targets of the Makefile
     * ({@code all: rules}, {@code rules: ssh.cdb}), and the words on the way that name neither.
     */
    record AllTargets(Line line, List<String> targets, List<String> leftOut) {
    }

    private static final Set<String> IGNORED_DIRECTIVES = Set.of("include", "-include", "sinclude", "ifeq", "ifneq",
            "ifdef", "ifndef", "else", "endif", "unexport", "vpath", "undefine");

    /** BSD make's directives: {@code .include <...>}, {@code .if ...}, {@code .for ...}. */
    private static final Pattern BSD_DIRECTIVE = Pattern.compile(
            "\\.\\s*(-?include|sinclude|if|ifdef|ifndef|ifmake|ifnmake|elif\\w*|else|endif|for|endfor|undef|"
                    + "export\\w*|unexport\\w*|error|warning|info)(\\s.*)?");

    private final String text;
    private final Variables variables = new Variables();
    private final List<Rule> rules = new ArrayList<>();

    private Makefile(String text) {
        this.text = text;
    }

    /** Reads {@code file}, named {@code text} in messages. */
    static Makefile read(Path file, String text) throws IOException {
        Makefile m = new Makefile(text);
        m.parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        return m;
    }

    private void parse(List<String> lines) throws SourceError {
        Rule current = null;
        boolean inDefine = false;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            StringBuilder joined = new StringBuilder(lines.get(i));
            while (continued(joined) && i + 1 < lines.size()) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(lines.get(++i).stripLeading());
            }
            String raw = joined.toString();
            if (raw.startsWith("\t") && current != null && !inDefine) {
                current.recipe.add(new Line(number, raw));
                continue;
            }
            String line = withoutComment(raw).strip();
            String first = line.split("\\s+", 2)[0];
            if (inDefine) {
                inDefine = !first.equals("endef");
                continue;
            }
            if (line.isEmpty() || IGNORED_DIRECTIVES.contains(first) || BSD_DIRECTIVE.matcher(line).matches()
                    || calledForItsEffect(line)) {
                continue;
            }
            if (first.equals("define")) {
                inDefine = true;
                current = null;
                continue;
            }
            while (line.matches("(export|override|private)\\s.*")) {
                line = line.split("\\s+", 2)[1];
            }
            current = statement(new Line(number, line));
            if (current != null) {
                rules.add(current);
            }
        }
    }

    /** A variable assignment (null), or a rule; anything else is an error, as it is to make. */
    private Rule statement(Line line) throws SourceError {
        String s = line.text();
        int colon = topLevel(s, ':');
        int equals = topLevel(s, '=');
        if (equals >= 0 && (colon < 0 || equals < colon || s.startsWith(":=", colon) || s.startsWith("::=", colon))) {
            int opStart = equals;
            while (opStart > 0 && ":+?!".indexOf(s.charAt(opStart - 1)) >= 0) {
                opStart--;
            }
            String name = s.substring(0, opStart).strip();
            if (name.isEmpty() || name.matches(".*\\s.*") && !name.contains("$")) {
                throw new SourceError(text, line.number(), "unable to read this assignment: " + s);
            }
            variables.assign(name, s.substring(opStart, equals + 1), s.substring(equals + 1).strip());
            return null;
        }
        if (colon < 0) {
            throw new SourceError(text, line.number(), "missing separator: neither a rule nor a variable: " + s);
        }
        String targets = s.substring(0, colon);
        String rest = s.substring(s.startsWith("::", colon) ? colon + 2 : colon + 1);
        List<Line> recipe = new ArrayList<>();
        int semicolon = topLevel(rest, ';');
        if (semicolon >= 0) {
            recipe.add(new Line(line.number(), rest.substring(semicolon + 1)));
            rest = rest.substring(0, semicolon);
        }
        if (topLevel(rest, '=') >= 0) {
            return null; // a target-specific variable: no rule
        }
        int second = topLevel(rest, ':');
        if (second >= 0) {
            // a static pattern rule, "targets: %.cdb: %": its pattern is what matters here
            targets = rest.substring(0, second);
            rest = rest.substring(second + 1);
        }
        return new Rule(line, targets, rest, recipe);
    }

    /** A line that only calls a function, {@code $(info ...)}: neither a rule nor a variable. */
    private static boolean calledForItsEffect(String line) {
        return line.startsWith("$(") && line.endsWith(")") && topLevel(line, ':') < 0 && topLevel(line, '=') < 0;
    }

    /** Whether a line goes on to the next: it ends in an odd number of backslashes. */
    private static boolean continued(CharSequence line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** The first {@code c} outside {@code $(...)} and {@code ${...}}, or -1. */
    private static int topLevel(String s, char c) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
                depth++;
                i++;
            } else if ((x == ')' || x == '}') && depth > 0) {
                depth--;
            } else if (x == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The rules that build cdbs with tcprules or cdbmake, in the Makefile's order. */
    List<CdbRule> cdbRules() throws SourceError {
        List<CdbRule> found = new ArrayList<>();
        for (Rule r : rules) {
            List<String> targets = wordsOrNull(r.targets);
            List<String> prerequisites = wordsOrNull(r.prerequisites);
            if (targets == null || prerequisites == null || targets.stream().noneMatch(DatabaseNames::isDatabase)) {
                continue; // not a cdb rule, or one make could expand only by running something
            }
            Recipe recipe = Recipe.of(r.recipe, text);
            if (recipe == null) {
                continue;
            }
            for (String t : targets) {
                CdbRule rule = cdbRule(t, prerequisites, recipe);
                if (rule != null) {
                    found.add(rule);
                }
            }
        }
        return found;
    }

    private static CdbRule cdbRule(String target, List<String> prerequisites, Recipe recipe) {
        String ending = DatabaseNames.ending(target);
        if (ending == null) {
            return null;
        }
        int secondDot = target.indexOf('.', 1);
        if (target.startsWith(".") && secondDot == target.length() - ending.length() && secondDot > 1
                && prerequisites.isEmpty()) {
            // a suffix rule: ".rules.cdb:" is "%.cdb: %.rules", ".rules.cdb64:" "%.cdb64: %.rules"
            return new CdbRule(NamePattern.of("%" + ending), NamePattern.of("%" + target.substring(0, secondDot)),
                    recipe);
        }
        if (prerequisites.isEmpty()) {
            return null;
        }
        return new CdbRule(NamePattern.of(target), NamePattern.of(prerequisites.get(0)), recipe);
    }

    private List<String> wordsOrNull(String s) {
        try {
            return words(variables.expand(s));
        } catch (Variables.Unexpandable e) {
            return null;
        }
    }

    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** What {@code all:} asks for, or null when the Makefile has no {@code all} target. */
    AllTargets allTargets() throws SourceError {
        Line first = null;
        List<String> targets = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Set<String> followed = new LinkedHashSet<>();
        for (Rule r : rules) {
            List<String> names = wordsOrNull(r.targets);
            if (names != null && names.contains("all")) {
                first = first == null ? r.line : first;
                follow(r, targets, leftOut, followed);
            }
        }
        return first == null ? null : new AllTargets(first, targets, leftOut);
    }

    private void follow(Rule rule, List<String> targets, List<String> leftOut, Set<String> followed)
            throws SourceError {
        List<String> words;
        try {
            words = words(variables.expand(rule.prerequisites));
        } catch (Variables.Unexpandable e) {
            throw new SourceError(text, rule.line.number(), "unable to expand the prerequisites of "
                    + rule.targets.strip() + ": " + e.getMessage());
        }
        for (String w : words) {
            if (DatabaseNames.isDatabase(w)) {
                targets.add(w);
                continue;
            }
            boolean isTarget = false;
            for (Rule r : rules) {
                List<String> names = wordsOrNull(r.targets);
                if (names != null && names.contains(w)) {
                    isTarget = true;
                    if (followed.add(w)) {
                        follow(r, targets, leftOut, followed);
                    }
                }
            }
            if (!isTarget) {
                leftOut.add(w);
            }
        }
    }
}
