package org.backpropviz.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pixel tables a heatmap paints with give the palettes' own colours, to one level of 255. */
class DivergingPaletteTest {
    private static int channelDistance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        return d;
    }

    @Test
    void pixelsMatchTheColoursOfThePalette() {
        DivergingPalette p = DivergingPalette.DEFAULT;
        Palette.Pixels px = p.pixels();
        double max = 3.7;
        for (int i = -1000; i <= 1000; i++) {
            double v = max * i / 1000.0;
            int want = p.argb(v, max), got = px.argb(v, max);
            assertTrue(channelDistance(want, got) <= 2, v + ": " + Integer.toHexString(want) + " vs " + Integer.toHexString(got));
        }
        assertEquals(p.argb(12, max), px.argb(12, max), "beyond the scale: full colour");
        assertEquals(p.argb(Double.NaN, max), px.argb(Double.NaN, max));
        assertEquals(p.argb(Double.NEGATIVE_INFINITY, max), px.argb(Double.NEGATIVE_INFINITY, max));
        assertEquals(p.argb(0.4, 0), px.argb(0.4, 0), "an all-zero array is drawn in the zero colour");
    }

    @Test
    void sequentialPixelsMatchTheColoursOfThePalette() {
        SequentialPalette p = SequentialPalette.DEFAULT;
        Palette.Pixels px = p.pixels();
        double max = 0.4767;
        for (int i = 0; i <= 1000; i++) {
            double v = max * i / 1000.0;
            int want = p.argb(v, max), got = px.argb(v, max);
            assertTrue(channelDistance(want, got) <= 2, v + ": " + Integer.toHexString(want) + " vs " + Integer.toHexString(got));
        }
        assertEquals(p.argb(0, max), px.argb(-0.3, max), "a negative value, which such an array has not, is drawn as 0");
        assertEquals(p.argb(Double.NaN, max), px.argb(Double.NaN, max));
        assertEquals(DivergingPalette.DEFAULT.pixels().argb(0, 0), px.argb(0, 0), "an all-zero array looks the same on both scales");
    }
}
