package org.backpropviz.app.i18n;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A message as a model keeps it: a key of {@link Messages} and its arguments, rendered by a view in the window's
 * current language ({@link Messages#get(Msg)}), so that it follows a language switch.
 */
public record Msg(String key, List<Object> args) {
    public Msg {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray())); // arguments may be null (shown as "null")
    }

    /** An argument rendered by other means in the language of the window (e.g. the editor's parse messages). */
    @FunctionalInterface
    public interface Localized {
        String in(java.util.Locale locale);
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, Arrays.asList(args));
    }
}
