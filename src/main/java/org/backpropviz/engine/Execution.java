package org.backpropviz.engine;

import java.util.List;
import java.util.Optional;

/**
 * What one step executed of its layer's Python source: the lines in order, each with the shapes of the variables it
 * reads and writes. The last line is the one the step stopped at; if NumPy raised, that line is marked failed and
 * lists only the variables that existed.
 *
 * @param step the step
 * @param lines the lines executed, in order
 */
public record Execution(Step step, List<Line> lines) {
    /**
     * A line executed.
     *
     * @param line the source line (a constant of the layer kind)
     * @param variables its variables as the line names them ({@code x}, {@code self.W}, {@code out}) with their shapes
     *     and roles
     * @param failed true when NumPy raised on this line
     */
    public record Line(SourceLine line, List<Operand> variables, boolean failed) {
        public Line {
            variables = List.copyOf(variables);
        }
    }

    public Execution {
        lines = List.copyOf(lines);
    }

    /** The line the step ended on (the failing one if it failed); empty if the step executed no line. */
    public Optional<Line> current() {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }

    /** The line NumPy raised on, if it did. */
    public Optional<Line> failed() {
        return current().filter(Line::failed);
    }
}
