package org.backpropviz.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer kind's Python source, line by line, as the lesson or the book prints it: what the code pane shows beside
 * the graph and what the NumPy export runs. Immutable once built.
 */
public final class PythonSource {
    private final String title;
    private final List<SourceLine> lines;

    private PythonSource(String title, List<SourceLine> lines) {
        this.title = title;
        this.lines = List.copyOf(lines);
    }

    /** What the listing is, e.g. {@code "Affine (the lesson, §5.6.2)"}. */
    public String title() {
        return title;
    }

    /** Every line, in order. */
    public List<SourceLine> lines() {
        return lines;
    }

    /** The lines of one part (e.g. the {@code forward} method, its {@code def} line first). */
    public List<SourceLine> part(SourceLine.Part part) {
        return lines.stream().filter(l -> l.part() == part).toList();
    }

    /** True when {@code line} is one of this listing's lines. */
    public boolean contains(SourceLine line) {
        return lines.contains(line);
    }

    /** The whole listing as Python text, comments in Korean or English. */
    public String text(boolean korean) {
        StringBuilder sb = new StringBuilder();
        for (SourceLine l : lines) sb.append(l.text(korean)).append('\n');
        return sb.toString();
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Adds lines in order; each call returns its line, so a layer keeps the lines its steps execute as constants. */
    public static final class Builder {
        private final String title;
        private final List<SourceLine> lines = new ArrayList<>();
        private SourceLine.Part part = SourceLine.Part.HEADER;

        private Builder(String title) {
            this.title = title;
        }

        /** A line of the current part. */
        public SourceLine code(String code) {
            return code(code, "", "");
        }

        /** A line of the current part with its comment in English and Korean. */
        public SourceLine code(String code, String commentEn, String commentKo) {
            SourceLine l = new SourceLine(lines.size() + 1, part, code, commentEn, commentKo);
            lines.add(l);
            return l;
        }

        /** A line that starts a part (a {@code def} line); the following lines belong to it. */
        public SourceLine def(SourceLine.Part starts, String code) {
            return def(starts, code, "", "");
        }

        /** {@link #def(SourceLine.Part, String)} with a comment. */
        public SourceLine def(SourceLine.Part starts, String code, String commentEn, String commentKo) {
            part = starts;
            return code(code, commentEn, commentKo);
        }

        /** An empty line, ending the current part. */
        public SourceLine blank() {
            part = SourceLine.Part.HEADER;
            return code("");
        }

        public PythonSource build() {
            return new PythonSource(title, lines);
        }
    }
}
