package org.backpropviz.scenario;

/** A scenario that cannot be read: one line that names the place ({@code W1: row 1 has 2 numbers, row 0 has 3}). */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
