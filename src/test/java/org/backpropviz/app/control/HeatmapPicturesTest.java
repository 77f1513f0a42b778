package org.backpropviz.app.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;

/**
 * Pictures made ahead: found for the very array in the same size and colours, missed for anything else (an equal
 * array that is another object, another size, other colours), and only the latest of several lists made when the
 * worker gets to them.
 */
class HeatmapPicturesTest {
    private static final HeatmapPictures.Box CARD = new HeatmapPictures.Box(154, 60, HeatmapPicture.DEFAULT_MAX_CELL);

    private static NDArray signed(double seed) {
        double[] flat = new double[40 * 30];
        for (int i = 0; i < flat.length; i++) flat[i] = Math.sin(seed + i);
        return NDArray.of(new int[] {40, 30}, flat);
    }

    private static HeatmapPicture.Spec spec(HeatmapPictures.Box b, HeatmapPicture.Colours c) {
        return new HeatmapPicture.Spec(b.width(), b.height(), b.maxCell(), c);
    }

    @Test
    void aPictureIsFoundForTheSameArrayInTheSameSpecOnly() {
        HeatmapPictures store = new HeatmapPictures();
        NDArray a = signed(1);
        store.prepare(a, CARD);
        HeatmapPicture.Spec theme = spec(CARD, HeatmapPicture.Colours.DEFAULT);
        HeatmapPicture found = store.find(a, ColourScale.DIVERGING, theme);
        assertNotNull(found);
        assertArrayEquals(HeatmapPicture.of(a, ColourScale.DIVERGING, theme).argb(), found.argb());
        assertNull(store.find(signed(1), ColourScale.DIVERGING, theme), "an equal array that is another object");
        assertNull(store.find(a, ColourScale.SEQUENTIAL, theme));
        assertNull(store.find(a, ColourScale.DIVERGING, spec(new HeatmapPictures.Box(40, 26, 28), HeatmapPicture.Colours.DEFAULT)));
        HeatmapPicture.Colours red = new HeatmapPicture.Colours(Color.RED, Color.WHITE, Color.BLUE, Color.BLUE, Color.BLACK);
        assertNull(store.find(a, ColourScale.DIVERGING, spec(CARD, red)));
        store.prepare(a, CARD);
        assertSame(found, store.find(a, ColourScale.DIVERGING, theme), "made once");
        assertEquals(1, store.size());
    }

    @Test
    void picturesAreMadeInTheColoursTheHeatmapsLastDrewWith() {
        HeatmapPictures store = new HeatmapPictures();
        HeatmapPicture.Colours red = new HeatmapPicture.Colours(Color.RED, Color.WHITE, Color.BLUE, Color.BLUE, Color.BLACK);
        store.drewWith(red);
        NDArray a = signed(2);
        store.prepare(a, CARD);
        assertNotNull(store.find(a, ColourScale.DIVERGING, spec(CARD, red)));
        assertNull(store.find(a, ColourScale.DIVERGING, spec(CARD, HeatmapPicture.Colours.DEFAULT)));
    }

    @Test
    void onlyTheLatestListIsMadeWhenSeveralWaitForTheWorker() {
        HeatmapPictures store = new HeatmapPictures();
        List<Runnable> queued = new ArrayList<>();
        NDArray first = signed(3), second = signed(4);
        store.prepareOn(queued::add, List.of(new HeatmapPictures.Wanted(first, CARD)));
        store.prepareOn(queued::add, List.of(new HeatmapPictures.Wanted(second, CARD)));
        assertEquals(1, queued.size(), "one run on the worker takes the latest list");
        assertEquals(0, store.size(), "nothing is made on the asking thread");
        queued.get(0).run();
        HeatmapPicture.Spec theme = spec(CARD, HeatmapPicture.Colours.DEFAULT);
        assertNull(store.find(first, ColourScale.DIVERGING, theme));
        assertNotNull(store.find(second, ColourScale.DIVERGING, theme));
        store.prepareOn(queued::add, List.of(new HeatmapPictures.Wanted(first, CARD)));
        assertEquals(2, queued.size(), "a list asked for after the worker took the last one is queued anew");
    }
}
