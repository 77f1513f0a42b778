package org.backpropviz.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible strings of one language: the one lookup of the app's translated text. It reads every bundle the
 * app ships ({@link #BUNDLES}: the window's {@code messages}, the training and gradient check's {@code learn}, the
 * playground's, the array pictures' {@code control} and the matrix editor's), whose keys are distinct.
 * Every string goes through {@link MessageFormat}, so an apostrophe is written {@code ''} in the bundles.
 * NumPy's messages, shapes and formulas never come from here: they stay as NumPy and the book write them.
 *
 * <p>Models keep a {@link Msg} (a key and its arguments) and views render it with the window's current Messages,
 * so a language switch re-renders everything. The app never changes {@link Locale#setDefault the default locale}:
 * views get their Messages from the window.
 */
public final class Messages {
    /** The languages the app offers, in menu order. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);

    /** The bundles looked up, in order (a key is found in the first bundle that has it). */
    static final List<String> BUNDLES = List.of("org.backpropviz.app.messages", "org.backpropviz.app.learn.learn",
            "org.backpropviz.app.playground.playground", "org.backpropviz.app.control.control",
            "org.backpropviz.app.editor.editor");

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    public Messages(Locale requested) {
        this.locale = supported(requested);
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.bundles = BUNDLES.stream().map(b -> ResourceBundle.getBundle(b, locale, noFallback)).toList();
    }

    /** English, the language of a view built without a window's Messages (demos, tests). */
    public static Messages english() {
        return new Messages(Locale.ENGLISH);
    }

    /** Korean when the requested locale's language is Korean, else English. */
    public static Locale supported(Locale l) {
        return l != null && "ko".equals(l.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /** The message for {@code key} with {@code args} filled in; a missing key shows as {@code !key!}. */
    public String get(String key, Object... args) {
        String pattern = pattern(key);
        return pattern == null ? "!" + key + "!" : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * {@code m} rendered in this language ("" for null); an argument that is itself a {@link Msg} or a
     * {@link Msg.Localized} is rendered in this language too.
     */
    public String get(Msg m) {
        if (m == null) return "";
        Object[] args = m.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Msg inner) args[i] = get(inner);
            else if (args[i] instanceof Msg.Localized l) args[i] = l.in(locale);
        }
        return get(m.key(), args);
    }

    /** The unformatted pattern of {@code key} (for a view that fills it in later), or null when no bundle has it. */
    public String pattern(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                try {
                    return b.getString(key);
                } catch (MissingResourceException e) {
                    return null;
                }
            }
        }
        return null;
    }

    public boolean has(String key) {
        return pattern(key) != null;
    }
}
