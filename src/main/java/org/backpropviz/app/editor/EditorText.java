package org.backpropviz.app.editor;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.scenario.ArrayText;

/**
 * The editor's messages with its rule for numbers, and {@link ArrayText}'s problems in the window's language (also
 * used by the playground). The text comes from the window's one lookup, {@link Messages}.
 */
public final class EditorText {
    private final Messages text;

    public EditorText(Messages text) {
        this.text = text;
    }

    /** The editor's strings in a language. */
    public static EditorText of(Locale locale) {
        return new EditorText(new Messages(locale));
    }

    /**
     * A message from the bundle, {@link MessageFormat} style; the key itself if missing. Whole numbers are written
     * as plain digits, except where the pattern formats them itself ({@code {1,choice,1#1 number|1<{1} numbers}}).
     */
    public String msg(String key, Object... args) {
        String pattern = text.pattern(key);
        if (pattern == null) return key;
        MessageFormat f = new MessageFormat(pattern, text.locale());
        Format[] own = f.getFormatsByArgumentIndex();
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object x = args[i];
            boolean formatted = i < own.length && own[i] != null;
            plain[i] = (x instanceof Integer || x instanceof Long) && !formatted ? String.valueOf(x) : x;
        }
        return f.format(plain);
    }

    /**
     * Why a text is not an array, in the bundle's language, naming the place with NumPy's indices: the first row
     * is row 0, as the grid's headers, the playground and {@link ArrayText}'s English message count.
     */
    public String describe(ArrayText.ParseException e) {
        Object[] args = e.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ArrayText.Place p) args[i] = place(p);
        }
        String key = "parse." + e.problem().name();
        return text.pattern(key) == null ? e.getMessage() : msg(key, args);
    }

    /** The place from 0 ({@link ArrayText.Place} counts from 1 and uses 0 for "none"). */
    private String place(ArrayText.Place p) {
        if (p.name() != null) return p.name();
        if (p.row() > 0 && p.column() > 0) return msg("place.cell", p.row() - 1, p.column() - 1);
        if (p.column() > 0) return msg("place.element", p.column() - 1);
        if (p.row() > 0) return msg("place.row", p.row() - 1);
        return msg("place.value");
    }
}
