package org.backpropviz.engine;

/**
 * The size of the pieces the training loop's element kernels work in. Each kernel's loop is a small method called once
 * a piece (a row, or {@link #SIZE} elements), not once a whole array: HotSpot compiles a method with its optimising
 * compiler after some 600 calls, so a kernel called once an iteration ran in the first compiler's slower, profiling
 * code for the first 600 iterations of a run (about a third of the digits' 1,740), where a kernel called for every
 * piece reaches the optimising compiler within the first dozen. The work and its order are the same either way.
 */
final class Blocks {
    /** Elements a piece of a flat kernel covers. */
    static final int SIZE = 64;

    private Blocks() {}
}
