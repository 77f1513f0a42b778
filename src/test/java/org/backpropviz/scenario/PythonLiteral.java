package org.backpropviz.scenario;

/**
 * Reads one Python string literal the way Python's tokenizer would: a plain (no prefix) single- or double-quoted
 * literal, its escapes decoded. Refuses what would make it anything but one inert string on one line: a line end
 * inside it, a line continuation, a missing closing quote, text after the closing quote, or an escape Python does not
 * decode the same way ({@code \N{…}}).
 */
final class PythonLiteral {
    private PythonLiteral() {}

    static String decode(String literal) {
        if (literal.length() < 2) throw new IllegalArgumentException("too short: " + literal);
        char q = literal.charAt(0);
        if (q != '\'' && q != '"') throw new IllegalArgumentException("not a plain string literal: " + literal);
        if (literal.startsWith(String.valueOf(q).repeat(3))) throw new IllegalArgumentException("triple-quoted: " + literal);
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (true) {
            if (i >= literal.length()) throw new IllegalArgumentException("no closing quote: " + literal);
            char c = literal.charAt(i);
            if (c == '\n' || c == '\r') throw new IllegalArgumentException("a line end inside the literal at " + i);
            if (c == q) {
                if (i != literal.length() - 1) throw new IllegalArgumentException("text after the literal at " + i);
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= literal.length()) throw new IllegalArgumentException("a lone backslash at the end");
            char e = literal.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n', '\r' -> throw new IllegalArgumentException("a line continuation at " + i);
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    out.append((char) Integer.parseInt(literal.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i, i + 4), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(literal.substring(i, i + 8), 16));
                    i += 8;
                }
                case 'N' -> throw new IllegalArgumentException("a named escape at " + i);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < literal.length() && end < i + 2 && literal.charAt(end) >= '0' && literal.charAt(end) <= '7') end++;
                        out.append((char) Integer.parseInt(literal.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(e); // Python keeps an unknown escape as it is
                    }
                }
            }
        }
    }
}
