package org.backpropviz.app.control;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.backpropviz.engine.NDArray;

/**
 * Heatmap pictures made ahead of time, off the JavaFX thread, for arrays a view is about to show: a view asks for
 * them on a worker ({@link #prepare}) once a pass has computed its arrays, and its {@link Heatmap}s take them when
 * the arrays are shown ({@link #find}), so the JavaFX thread does not colour a picture's pixels in the frame of a
 * step. A picture is found only for the very array (the same object: arrays are immutable) on the same scale and in
 * the same {@link HeatmapPicture.Spec}; anything else is a miss, and the heatmap makes its picture itself, the same way.
 *
 * <p>Safe for any thread. Arrays are held weakly: a picture goes once its array is no longer used anywhere (it is
 * dropped at the next {@link #prepare}), so the store never keeps a large array alive.
 */
public final class HeatmapPictures {
    /** An array by identity (held weakly), its scale and the picture's spec. */
    private static final class Key {
        private final WeakReference<NDArray> array;
        private final int hash;
        private final ColourScale scale;
        private final HeatmapPicture.Spec spec;

        Key(NDArray a, ColourScale scale, HeatmapPicture.Spec spec) {
            this.array = new WeakReference<>(a);
            this.scale = scale;
            this.spec = spec;
            this.hash = (System.identityHashCode(a) * 31 + scale.hashCode()) * 31 + spec.hashCode();
        }

        boolean gone() {
            return array.get() == null;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k)) return false;
            NDArray mine = array.get();
            return mine != null && mine == k.array.get() && scale == k.scale && spec.equals(k.spec);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, HeatmapPicture> made = new ConcurrentHashMap<>();
    private volatile HeatmapPicture.Colours colours = HeatmapPicture.Colours.DEFAULT;
    /** The latest list asked of {@link #prepareOn} that its worker has not taken yet. */
    private final AtomicReference<List<Wanted>> pending = new AtomicReference<>();

    /** An array a view is about to show in a heatmap of this size. */
    public record Wanted(NDArray array, Box box) {}

    /**
     * Makes the pictures of {@code wanted} on {@code worker} (which runs what it is given on its own thread, in
     * order). When asked again before the worker has started on a list, only the latest list is made.
     */
    public void prepareOn(Consumer<Runnable> worker, List<Wanted> wanted) {
        if (pending.getAndSet(List.copyOf(wanted)) != null) return; // the run already queued takes this list
        worker.accept(() -> {
            List<Wanted> now = pending.getAndSet(null);
            if (now != null) now.forEach(w -> prepare(w.array(), w.box()));
        });
    }

    /**
     * Makes the picture of {@code a} (not modified) at {@code box} in the colours its heatmaps last drew with, unless
     * there is one already. Meant for a worker thread; also drops the pictures of arrays no longer in use.
     */
    public void prepare(NDArray a, Box box) {
        made.keySet().removeIf(Key::gone);
        ColourScale scale = ColourScale.of(a);
        HeatmapPicture.Spec spec = new HeatmapPicture.Spec(box.width(), box.height(), box.maxCell(), colours);
        made.computeIfAbsent(new Key(a, scale, spec), k -> HeatmapPicture.of(a, scale, spec));
    }

    /** The picture made ahead for {@code a} on {@code scale} in {@code spec}, or null. */
    public HeatmapPicture find(NDArray a, ColourScale scale, HeatmapPicture.Spec spec) {
        return made.get(new Key(a, scale, spec));
    }

    /** Records the colours a heatmap of this store drew with (from CSS), for the pictures made from now on. */
    void drewWith(HeatmapPicture.Colours c) {
        colours = c;
    }

    /** How many pictures are held (for tests). */
    int size() {
        return made.size();
    }

    /** The size a view gives its heatmap: the largest picture and the largest side of one element, in pixels. */
    public record Box(double width, double height, double maxCell) {}
}
