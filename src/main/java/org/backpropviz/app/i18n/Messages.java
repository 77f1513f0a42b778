package org.backpropviz.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible strings of one language, from {@code org/backpropviz/app/messages*.properties}.
 * Every string goes through {@link MessageFormat}, so an apostrophe is written {@code ''} in the bundles.
 * NumPy's messages, shapes and formulas never come from here: they stay as NumPy and the book write them.
 */
public final class Messages {
    /** The languages the app offers, in menu order. */
    public static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.ENGLISH, Locale.KOREAN);

    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale requested) {
        this.locale = supported(requested);
        this.bundle = ResourceBundle.getBundle("org.backpropviz.app.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
