package org.backpropviz.app.view;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.engine.EngineWarning;

/** An engine warning in the user's language, built from its kind and arguments. */
final class WarningText {
    private WarningText() {}

    static String of(Messages text, EngineWarning w) {
        String key = "warning." + w.kind().name();
        return text.has(key) ? text.get(key, w.args().toArray()) : w.message();
    }
}
