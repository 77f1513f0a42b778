package org.backpropviz.app.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The probes' one property prefix, and the pulse probe's percentile of the JavaFX thread's CPU time per pulse. */
class ProbesTest {
    @Test
    void everyProbeIsSwitchedOnUnderOnePrefix() {
        assertEquals("backpropviz.probe.startup", Probe.STARTUP.property());
        assertEquals("backpropviz.probe.pulse", Probe.PULSE.property());
        assertEquals("backpropviz.probe.editor", Probe.EDITOR.property());
        assertEquals("backpropviz.probe.grid", Probe.GRID.property());
        assertEquals("backpropviz.probe.nodes", Probe.NODES.property());
    }

    @Test
    void thePercentileIsTheNearestRankAndTheMaximumTheLargest() {
        Probes.PulseCpu p = new Probes.PulseCpu();
        assertEquals(0, p.percentile(99));
        for (int i = 200; i >= 1; i--) p.add(i * 1000L); // more than the first capacity, out of order
        assertEquals(200, p.count());
        assertEquals(198_000, p.percentile(99)); // 99 % of 200 values: the 198th smallest
        assertEquals(100_000, p.percentile(50));
        assertEquals(200_000, p.max());
        p.clear();
        p.add(7);
        assertEquals(7, p.percentile(99));
        assertEquals(1, p.count());
    }
}
