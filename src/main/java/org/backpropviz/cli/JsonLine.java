package org.backpropviz.cli;

import java.util.List;

/**
 * One JSON object on one line, written directly: the same text as Jackson writes for the same keys and values (a
 * number that is not finite as a string, as Jackson does), for {@code train}, whose lines would otherwise load about
 * 400 of Jackson's classes, a good part of a short run's whole time.
 */
final class JsonLine {
    private final StringBuilder out = new StringBuilder("{");

    JsonLine put(String key, String value) {
        return key(key).quote(value);
    }

    JsonLine put(String key, long value) {
        key(key).out.append(value);
        return this;
    }

    JsonLine put(String key, double value) {
        if (!Double.isFinite(value)) return put(key, Double.toString(value));
        key(key).out.append(value);
        return this;
    }

    JsonLine put(String key, boolean value) {
        key(key).out.append(value);
        return this;
    }

    JsonLine putNumbers(String key, List<Integer> values) {
        key(key).out.append('[');
        for (int i = 0; i < values.size(); i++) out.append(i == 0 ? "" : ",").append(values.get(i));
        out.append(']');
        return this;
    }

    JsonLine putStrings(String key, List<String> values) {
        key(key).out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            quote(values.get(i));
        }
        out.append(']');
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private JsonLine key(String key) {
        if (out.length() > 1) out.append(',');
        return quote(key).colon();
    }

    private JsonLine colon() {
        out.append(':');
        return this;
    }

    /** JSON's escapes, as Jackson writes them: the short ones where JSON has them, {@code \\u00XX} for other controls. */
    private JsonLine quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20) out.append(String.format("\\u%04X", (int) ch));
                    else out.append(ch);
                }
            }
        }
        out.append('"');
        return this;
    }
}
