package org.cdbkit.make;

import java.util.HashMap;
import java.util.Map;

/**
 * A Makefile's simple variables and their expansion: {@code VAR = ...} (expanded where used),
 * {@code VAR := ...} (expanded where defined), {@code +=}, {@code ?=}; references
 * {@code $(VAR)}, {@code ${VAR}}, {@code $V}, and substitution references
 * {@code $(VAR:.rules=.cdb)}. Make's functions ({@code $(wildcard ...)}) and the shell are
 * not run: expanding one is an {@link Unexpandable} error, never a guess.
 */
final class Variables {
    /** Why a text cannot be expanded. */
    static final class Unexpandable extends Exception {
        private static final long serialVersionUID = 1L;

        Unexpandable(String message) {
            super(message, null, false, false);
        }
    }

    /** A value; {@code problem} is set for one that cannot be known ({@code !=}, a failed {@code :=}). */
    private record Value(String text, boolean simple, String problem) {
    }

    /** Deeper than this, a variable refers to itself. */
    private static final int MAX_DEPTH = 64;

    private final Map<String, Value> values = new HashMap<>();

    /** Records an assignment; {@code op} is one of {@code = := ::= += ?= !=}. */
    void assign(String name, String op, String value) {
        Value old = values.get(name);
        switch (op) {
            case ":=":
            case "::=":
                values.put(name, simple(value));
                break;
            case "+=":
                if (old == null) {
                    values.put(name, new Value(value, false, null));
                } else if (old.simple && old.problem == null) {
                    Value added = simple(value);
                    values.put(name, new Value(old.text + " " + added.text, true, added.problem));
                } else {
                    values.put(name, new Value(old.text + " " + value, old.simple, old.problem));
                }
                break;
            case "?=":
                values.putIfAbsent(name, new Value(value, false, null));
                break;
            case "!=":
                values.put(name, new Value("", true, "$(" + name + ") is the output of a shell command, and "
                        + "cdbmake-all runs none"));
                break;
            default:
                values.put(name, new Value(value, false, null));
        }
    }

    private Value simple(String value) {
        try {
            return new Value(expand(value), true, null);
        } catch (Unexpandable e) {
            return new Value("", true, e.getMessage());
        }
    }

    String expand(String text) throws Unexpandable {
        return expand(text, 0);
    }

    private String expand(String text, int depth) throws Unexpandable {
        if (depth > MAX_DEPTH) {
            throw new Unexpandable("a variable refers to itself");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                break; // a lone $ at the end expands to nothing
            }
            char open = text.charAt(i);
            if (open == '$') {
                out.append('$');
            } else if (open == '(' || open == '{') {
                int close = closing(text, i);
                if (close < 0) {
                    throw new Unexpandable("unterminated variable reference: " + text.substring(i - 1));
                }
                out.append(reference(text.substring(i + 1, close), depth));
                i = close;
            } else {
                out.append(reference(String.valueOf(open), depth));
            }
        }
        return out.toString();
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        char o = text.charAt(open);
        char c = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == o) {
                depth++;
            } else if (text.charAt(i) == c && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String reference(String inside, int depth) throws Unexpandable {
        if (inside.matches("[a-z-]+[ \t,].*")) {
            throw new Unexpandable("$(" + inside + ") calls a make function, and cdbmake-all runs none");
        }
        String name = expand(inside, depth + 1);
        String substitution = null;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            substitution = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (name.length() == 1 && "@<*^?+|%".indexOf(name.charAt(0)) >= 0) {
            throw new Unexpandable("$" + name + " has a value only in a recipe");
        }
        Value v = values.get(name);
        if (v == null) {
            throw new Unexpandable("$(" + name + ") is not defined in this Makefile");
        }
        if (v.problem != null) {
            throw new Unexpandable(v.problem);
        }
        String value = v.simple ? v.text : expand(v.text, depth + 1);
        return substitution == null ? value : substitute(value, substitution);
    }

    /** {@code $(VAR:.rules=.cdb)} and {@code $(VAR:%.rules=%.cdb)}: word by word. */
    private static String substitute(String value, String substitution) throws Unexpandable {
        int eq = substitution.indexOf('=');
        if (eq < 0) {
            throw new Unexpandable("unable to read the substitution reference :" + substitution);
        }
        String from = substitution.substring(0, eq);
        String to = substitution.substring(eq + 1);
        NamePattern fromPattern = NamePattern.of(from.contains("%") ? from : "%" + from);
        NamePattern toPattern = NamePattern.of(from.contains("%") ? to : "%" + to);
        StringBuilder out = new StringBuilder();
        for (String word : value.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String stem = fromPattern.stem(word);
            out.append(out.length() > 0 ? " " : "").append(stem == null ? word : toPattern.apply(stem));
        }
        return out.toString();
    }
}
