package org.backpropviz.app.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backpropviz.scenario.Scenario;

/**
 * The undo history of the graph's scenario: each change is kept as the whole scenario before it and the change's
 * name, so undo and redo restore a scenario exactly (a network of another depth included). Bounded: the oldest
 * changes are forgotten. Used on the JavaFX thread only.
 */
public final class ScenarioHistory {
    /** How many changes are kept. */
    public static final int LIMIT = 100;

    /**
     * One change: the scenario on the other side of it, and its name as a bundle key with arguments
     * ({@code change.addLayer}, {@code [4]}).
     */
    public record Entry(Scenario scenario, String key, List<Object> args) {
        public Entry {
            args = List.copyOf(args);
        }
    }

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Entry> nextUndo = new ReadOnlyObjectWrapper<>(this, "nextUndo");
    private final ReadOnlyObjectWrapper<Entry> nextRedo = new ReadOnlyObjectWrapper<>(this, "nextRedo");

    // ------------------------------------------------------------------ properties

    /** The change undo would take back (its scenario is the one before it), or null. */
    public ReadOnlyObjectProperty<Entry> nextUndoProperty() { return nextUndo.getReadOnlyProperty(); }

    /** The change redo would make again (its scenario is the one after it), or null. */
    public ReadOnlyObjectProperty<Entry> nextRedoProperty() { return nextRedo.getReadOnlyProperty(); }

    public boolean canUndo() { return !undo.isEmpty(); }

    public boolean canRedo() { return !redo.isEmpty(); }

    // ------------------------------------------------------------------ commands

    /** Records a change made to {@code before}; whatever could be redone is forgotten. */
    public void record(Scenario before, String key, List<Object> args) {
        undo.push(new Entry(before, key, args));
        while (undo.size() > LIMIT) undo.removeLast();
        redo.clear();
        update();
    }

    /**
     * Takes back the last change. @param current the scenario now (redo comes back to it)
     * @return the scenario before the change, or null when there is nothing to undo
     */
    public Scenario undo(Scenario current) {
        if (undo.isEmpty()) return null;
        Entry e = undo.pop();
        redo.push(new Entry(current, e.key(), e.args()));
        update();
        return e.scenario();
    }

    /** Makes the last undone change again. @return the scenario after it, or null when there is nothing to redo */
    public Scenario redo(Scenario current) {
        if (redo.isEmpty()) return null;
        Entry e = redo.pop();
        undo.push(new Entry(current, e.key(), e.args()));
        update();
        return e.scenario();
    }

    /** Forgets every change (a file opened: its history starts with it). */
    public void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    private void update() {
        nextUndo.set(undo.peek());
        nextRedo.set(redo.peek());
    }
}
