package org.backpropviz.engine;

/**
 * One line of a layer's Python source as the lesson (or the book) writes it, with its comment in English and in
 * Korean. A step of the engine names the lines it executes ({@link Trace#execution()}), so a view highlights them
 * without reading any text. Lines are constants of their layer kind and are compared by identity.
 */
public final class SourceLine {
    /** Which part of the listing a line belongs to. */
    public enum Part {
        /** A helper function or the class line. */
        HEADER,
        /** {@code __init__}. */
        INIT,
        /** {@code forward}. */
        FORWARD,
        /** {@code backward}. */
        BACKWARD
    }

    private final int number;
    private final Part part;
    private final String code;
    private final String commentEn;
    private final String commentKo;

    SourceLine(int number, Part part, String code, String commentEn, String commentKo) {
        this.number = number;
        this.part = part;
        this.code = code;
        this.commentEn = commentEn;
        this.commentKo = commentKo;
    }

    /** The line's number in its listing, from 1. */
    public int number() {
        return number;
    }

    public Part part() {
        return part;
    }

    /** The code with its indentation and without a comment, e.g. {@code "        out = np.dot(x, self.W) + self.b"}. */
    public String code() {
        return code;
    }

    /** The English comment, or "" for none. */
    public String commentEn() {
        return commentEn;
    }

    /** The Korean comment (the lesson's own where it has one), or "" for none. */
    public String commentKo() {
        return commentKo;
    }

    /** The line as Python text, with the comment in Korean or English after {@code #} when there is one. */
    public String text(boolean korean) {
        String c = korean ? commentKo : commentEn;
        return c.isEmpty() ? code : code + "  # " + c;
    }

    @Override
    public String toString() {
        return number + ": " + code.strip();
    }
}
