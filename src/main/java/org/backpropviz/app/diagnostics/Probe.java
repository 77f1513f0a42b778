package org.backpropviz.app.diagnostics;

/**
 * The measurement probes, each off unless its system property {@code backpropviz.probe.NAME=true} turns it on (one
 * prefix for all of them; see {@link Probes} for what each prints). Free of JavaFX, so that the launcher can ask too.
 */
public enum Probe {
    /** The time to the window's first pulse, and the fonts' loading. */
    STARTUP,
    /** Once a second: the pulses, the longest gap between two, and the JavaFX thread's CPU time per pulse. */
    PULSE,
    /** After each layout: the nodes new to the window's scene, which that frame had to style (see NewNodes). */
    NODES,
    /** How long each editor window took to open. */
    EDITOR,
    /** The editor's grid: how long building and refreshing its cells took. */
    GRID;

    /** The prefix of every probe's system property. */
    public static final String PREFIX = "backpropviz.probe.";

    private final boolean on = Boolean.getBoolean(property());

    /** {@code backpropviz.probe.} and the probe's name in lower case. */
    public String property() {
        return PREFIX + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the probe was asked for when the JVM started. */
    public boolean on() {
        return on;
    }
}
