package org.backpropviz.app.diagnostics;

import org.backpropviz.app.fx.AfterThisFrame;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * The measurement probes ({@link Probe}), each off unless {@code -Dbackpropviz.probe.NAME=true} asks for it:
 * {@code startup} prints the time from the JVM's start to the window's first pulse (from the {@code java -jar}
 * process's start when the window runs in the start-up archive's child JVM), and the wall-clock time of that pulse;
 * {@code pulse} prints, once a second, the pulses in that second, the longest gap between two, and the JavaFX
 * thread's CPU time per pulse (from one pulse's start to the next: the pulse's own work and whatever else the thread
 * ran before the next, read from the thread's CPU clock), as the 99th percentile and the maximum in that second and
 * since the probe started; with {@code -Dbackpropviz.probe.pulse.each=true} it also prints every pulse's gap and
 * CPU time with the time it ended (for percentiles over a chosen stretch, such as one step); with
 * {@code -Dbackpropviz.probe.pulse.over=N} it also prints every gap longer than N ms
 * with the CSS and layout time of the pulse before it; {@code nodes} prints after each layout the nodes new to the
 * scene, by class and style class ({@link NewNodes}); {@code editor} prints how long each editor window took to
 * open, from the double-click (or Enter) until its first laid-out pulse; {@code grid} how long the editor's grid took
 * to build and refresh its cells. {@code -Dbackpropviz.exitAfterFirstFrames=true} (not a probe) closes the app once
 * its first frames are drawn (the packaging build runs it so to list the classes a start loads).
 */
public final class Probes {
    private Probes() {}

    /** With the editor probe on: prints the time from {@code t0} (nanoTime) to the first laid-out pulse of {@code scene}. */
    public static void editorOpened(javafx.scene.Scene scene, String what, long t0) {
        if (!Probe.EDITOR.on()) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.err.printf(Locale.ROOT, "editor: %s opened in %.0f ms%n", what, (System.nanoTime() - t0) / 1e6);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Starts the probes that were asked for (FX thread, after the stage is shown). */
    public static void install(javafx.stage.Stage stage) {
        if (Boolean.getBoolean("backpropviz.exitAfterFirstFrames")) {
            // a second more for the first chain's results to be computed and drawn
            org.backpropviz.app.fx.AfterThisFrame.run(3, () -> {
                var settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
                settle.setOnFinished(e -> javafx.application.Platform.exit());
                settle.play();
            });
        }
        if (Probe.NODES.on()) NewNodes.install(stage);
        if (Probe.STARTUP.on()) {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long nowMs = System.currentTimeMillis();
                    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                    String launcher = System.getProperty("backpropviz.launchedBy");
                    if (launcher != null) { // started by launch.WindowJvm: count from the `java -jar` process
                        System.err.printf(Locale.ROOT, "startup: first pulse %d ms after `java` started (%d ms after this window's JVM; at %d)%n",
                                nowMs - Long.parseLong(launcher), nowMs - jvmStart, nowMs);
                    } else {
                        System.err.printf(Locale.ROOT, "startup: first pulse %d ms after the JVM started (at %d)%n", nowMs - jvmStart, nowMs);
                    }
                    stop();
                }
            }.start();
        }
        if (Probe.PULSE.on()) {
            long over = Long.getLong(Probe.PULSE.property() + ".over", Long.MAX_VALUE / 1_000_000L) * 1_000_000L;
            // every pulse's line is written by a thread of its own: formatting it here would count in the next pulse
            java.util.concurrent.ExecutorService each = !Boolean.getBoolean(Probe.PULSE.property() + ".each") ? null
                    : java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                        Thread w = new Thread(r, "pulse-probe");
                        w.setDaemon(true);
                        return w;
                    });
            // the FX thread's CPU time next to the wall-clock time tells its own work from waiting for a core
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            // start of the CSS pass, CSS + layout of the last pulse; the same two on the FX thread's CPU clock
            long[] layout = new long[4];
            Runnable pre = () -> {
                layout[0] = System.nanoTime();
                layout[2] = threads.getCurrentThreadCpuTime();
            };
            Runnable post = () -> {
                layout[1] = System.nanoTime() - layout[0];
                layout[3] = threads.getCurrentThreadCpuTime() - layout[2];
            };
            javafx.beans.value.ChangeListener<javafx.scene.Scene> watch = (o, was, now) -> {
                if (was != null) {
                    was.removePreLayoutPulseListener(pre);
                    was.removePostLayoutPulseListener(post);
                }
                if (now != null) {
                    now.addPreLayoutPulseListener(pre);
                    now.addPostLayoutPulseListener(post);
                }
            };
            if (over < Long.MAX_VALUE / 2) {
                stage.sceneProperty().addListener(watch);
                watch.changed(null, null, stage.getScene());
            }
            new AnimationTimer() {
                private long last, lastCpu, windowStart, windowMax, windowMaxAt, overallMax, frames;
                // the JavaFX thread's CPU time of each pulse: in the last second, and since the start
                private final PulseCpu second = new PulseCpu(), all = new PulseCpu();

                @Override
                public void handle(long now) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    if (last != 0) {
                        long gap = now - last;
                        if (gap > windowMax) {
                            windowMax = gap;
                            windowMaxAt = System.currentTimeMillis();
                        }
                        overallMax = Math.max(overallMax, gap);
                        second.add(cpu - lastCpu);
                        all.add(cpu - lastCpu);
                        if (each != null) {
                            long at = System.currentTimeMillis(), used = cpu - lastCpu;
                            each.execute(() -> System.err.printf(Locale.ROOT, "pulse: %tT.%<tL gap %.1f ms, JavaFX thread's CPU %.2f ms%n",
                                    at, gap / 1e6, used / 1e6));
                        }
                        if (gap > over) {
                            System.err.printf(Locale.ROOT, "gap: %.1f ms ending at %tT.%<tL (CSS and layout before it %.1f ms, "
                                    + "%.1f ms of it on the CPU; the FX thread on the CPU for %.1f ms of the gap)%n",
                                    gap / 1e6, System.currentTimeMillis(), layout[1] / 1e6, layout[3] / 1e6, (cpu - lastCpu) / 1e6);
                        }
                    } else {
                        windowStart = now;
                    }
                    last = now;
                    lastCpu = cpu;
                    frames++;
                    if (now - windowStart >= 1_000_000_000L) {
                        System.err.printf(Locale.ROOT, "pulses: %d in the last second, longest gap %.1f ms (longest so far %.1f ms), ending at %tT.%<tL;"
                                + " JavaFX thread's CPU per pulse: p99 %.1f ms, max %.1f ms (so far: %d pulses, p99 %.1f ms, max %.1f ms)%n",
                                frames, windowMax / 1e6, overallMax / 1e6, windowMaxAt, second.percentile(99) / 1e6, second.max() / 1e6,
                                all.count(), all.percentile(99) / 1e6, all.max() / 1e6);
                        second.clear();
                        windowStart = now;
                        windowMax = 0;
                        frames = 0;
                    }
                }
            }.start();
        }
    }

    /** CPU times in nanoseconds, one a pulse, for their percentiles. */
    static final class PulseCpu {
        private long[] v = new long[64];
        private int n;

        void add(long nanos) {
            if (n == v.length) v = java.util.Arrays.copyOf(v, 2 * n);
            v[n++] = nanos;
        }

        void clear() {
            n = 0;
        }

        int count() {
            return n;
        }

        long max() {
            long m = 0;
            for (int i = 0; i < n; i++) m = Math.max(m, v[i]);
            return m;
        }

        /** The nearest-rank percentile: the smallest value that at least p % of the values do not exceed; 0 if none. */
        long percentile(double p) {
            if (n == 0) return 0;
            long[] sorted = java.util.Arrays.copyOf(v, n);
            java.util.Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * n) - 1)];
        }
    }
}
