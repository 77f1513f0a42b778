package org.backpropviz.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/** The listeners a view put on its model, removed together when the view is thrown away (a language switch). */
public final class Disposer {
    private final List<Runnable> undo = new ArrayList<>();

    /** Adds {@code l} to {@code v} until {@link #dispose()}. */
    public <T> void listen(ObservableValue<T> v, ChangeListener<? super T> l) {
        v.addListener(l);
        undo.add(() -> v.removeListener(l));
    }

    public void onDispose(Runnable r) {
        undo.add(r);
    }

    public void dispose() {
        undo.forEach(Runnable::run);
        undo.clear();
    }
}
