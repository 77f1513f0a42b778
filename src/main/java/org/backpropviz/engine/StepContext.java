package org.backpropviz.engine;

/**
 * What a {@link Layer} sees while one of its steps runs: the arrays it reads, the place it writes its result, and
 * the record of the source lines it executes. Made by the trace for one step; not kept.
 */
public interface StepContext {
    /** The step running. */
    Step step();

    /** How large a result the step may compute ({@link Limits}). */
    Limits limits();

    /** The scenario's arrays. */
    NetInputs inputs();

    /** The layer's forward input: x for the first layer, else the previous layer's output. */
    NDArray input();

    /** The gradient arriving from the next layer (its backward output); the loss's own is 1, never asked for. */
    NDArray dout();

    /** The forward output of a node computed earlier in this iteration. */
    NDArray forward(NodeId node);

    /** Stores the step's result: the node's forward output, or in the backward pass the gradient sent to its input. */
    void output(NDArray value);

    /** Stores a parameter's gradient. */
    void grad(Param p, NDArray value);

    /** Raises a warning about the step's node (once per kind and message). */
    void warn(EngineWarning.Kind kind, String message, String... args);

    /**
     * False when nobody reads the warnings (the forward passes of the gradient check and of the trainer's
     * predictions): a layer then skips the work of looking for them.
     */
    boolean collectsWarnings();

    /**
     * Starts a source line: the lines a step executes, in order, each with the variables it reads. If NumPy raises
     * before the next line starts, this is the line that failed.
     */
    void line(SourceLine line, Operand... reads);

    /** Adds a variable the current line wrote (its shape once computed). */
    void wrote(Operand variable);
}
