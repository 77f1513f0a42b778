package org.backpropviz.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The legends' words (control.properties): every one in both languages, every pattern fills its number. */
class HeatmapTextTest {
    private static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle("org.backpropviz.app.control.control", l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void koreanHasEveryKeyAndEveryPatternFormats() {
        ResourceBundle en = bundle(Locale.ROOT), ko = bundle(Locale.KOREAN);
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(ko.keySet()));
        for (ResourceBundle b : new ResourceBundle[] {en, ko}) {
            for (String k : b.keySet()) {
                String out = new MessageFormat(b.getString(k), b.getLocale()).format(new Object[] {"0.4767"});
                assertFalse(out.contains("{"), k + ": " + out);
            }
        }
        assertEquals("모두 0", ko.getString("legend.allZero"));
        assertEquals("all 0", en.getString("legend.allZero"));
    }
}
