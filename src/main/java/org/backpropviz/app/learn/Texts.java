package org.backpropviz.app.learn;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The learn views' strings (English and Korean). */
final class Texts {
    private Texts() {}

    static ResourceBundle learn() {
        return ResourceBundle.getBundle("org.backpropviz.app.learn.learn");
    }

    static String format(String key, Object... args) {
        return MessageFormat.format(learn().getString(key), args);
    }
}
