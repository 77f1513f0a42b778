package org.backpropviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.backpropviz.scenario.ArrayText;
import org.junit.jupiter.api.Test;

/** The English and Korean strings have the same keys, and every pattern is a valid MessageFormat. */
class EditorBundleTest {
    private static final ResourceBundle EN = ResourceBundle.getBundle("org.backpropviz.app.editor.editor", Locale.ENGLISH);
    private static final ResourceBundle KO = ResourceBundle.getBundle("org.backpropviz.app.editor.editor", Locale.KOREAN);

    @Test
    void koreanHasEveryKeyAndNoOther() {
        Set<String> en = new TreeSet<>(EN.keySet()), ko = new TreeSet<>(KO.keySet());
        assertEquals(en, ko);
        assertEquals("ko", KO.getLocale().getLanguage());
    }

    @Test
    void everyPatternFormats() {
        Object[] args = {"a", 1, 2, 3, 4, 5, 6};
        for (ResourceBundle b : new ResourceBundle[] {EN, KO}) {
            for (String k : b.keySet()) {
                String out = new MessageFormat(b.getString(k), b.getLocale()).format(args);
                assertTrue(!out.contains("{") || k.equals("shape.tip"), k + ": " + out);
            }
        }
    }

    @Test
    void everyParseProblemIsTranslated() {
        for (ArrayText.Problem p : ArrayText.Problem.values()) {
            assertTrue(EN.containsKey("parse." + p.name()), p.name());
            assertTrue(KO.containsKey("parse." + p.name()), p.name());
        }
    }
}
