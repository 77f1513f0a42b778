package org.backpropviz.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The listeners a view put on its model, removed together when the view is thrown away (a language switch).
 * Bindings need none of this: a model holds them only weakly.
 */
public final class Disposer {
    private final List<Runnable> undo = new ArrayList<>();

    /** Adds {@code l} to {@code v} until {@link #dispose()}. */
    public <T> void listen(ObservableValue<T> v, ChangeListener<? super T> l) {
        v.addListener(l);
        undo.add(() -> v.removeListener(l));
    }

    /** Adds {@code l} to {@code list} until {@link #dispose()}. */
    public <T> void listen(ObservableList<T> list, ListChangeListener<? super T> l) {
        list.addListener(l);
        undo.add(() -> list.removeListener(l));
    }

    public void onDispose(Runnable r) {
        undo.add(r);
    }

    public void dispose() {
        undo.forEach(Runnable::run);
        undo.clear();
    }
}
