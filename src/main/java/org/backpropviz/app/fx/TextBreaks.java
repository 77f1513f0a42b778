package org.backpropviz.app.fx;

import java.text.BreakIterator;

/**
 * Loads the JDK's character break rules ahead of the first label that has to be cut short. JavaFX cuts a label's text
 * to its width with {@code Text.hitTest}, which asks for a character {@link BreakIterator}; the first one loads its
 * classes and rule data, about 10 ms, and that landed in the frame of a step (the status line's key hints are cut
 * once the last step's message is long). Loaded once per JVM; any thread.
 */
public final class TextBreaks {
    private TextBreaks() {}

    /** Loads the break rules JavaFX's text layout uses (the character and line instances of the default locale). */
    public static void load() {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText("ab");
        characters.following(0);
        BreakIterator lines = BreakIterator.getLineInstance();
        lines.setText("a b");
        lines.following(0);
    }
}
