package org.backpropviz.app.editor;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.backpropviz.scenario.ArrayText;

/** The editor's strings, and {@link ArrayText}'s problems in the bundle's language (also used by the playground). */
public final class EditorText {
    private final ResourceBundle bundle;

    public EditorText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The editor's strings in a language. */
    public static EditorText of(Locale locale) {
        return new EditorText(MatrixEditorModel.bundle(locale));
    }

    /**
     * A message from the bundle, {@link MessageFormat} style; the key itself if missing. Whole numbers are written
     * as plain digits, except where the pattern formats them itself ({@code {1,choice,1#1 number|1<{1} numbers}}).
     */
    public String msg(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        MessageFormat f = new MessageFormat(pattern, bundle.getLocale());
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
        try {
            bundle.getString(key);
        } catch (MissingResourceException x) {
            return e.getMessage();
        }
        return msg(key, args);
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
