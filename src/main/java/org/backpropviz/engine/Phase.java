package org.backpropviz.engine;

/** Which pass a step belongs to. */
public enum Phase {
    FORWARD, BACKWARD;

    /** {@code "forward"} or {@code "backward"}, as the scenario results write it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
