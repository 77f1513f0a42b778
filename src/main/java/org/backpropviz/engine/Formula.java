package org.backpropviz.engine;

import java.util.List;

/**
 * One formula of a node with its shapes filled in, as the inspector shows it:
 * {@code dx = dout · W2ᵀ : (4, 3) = (4, 2) · (2, 3)}; a shape not computed yet is written {@code ?}.
 *
 * @param text the formula with its shapes (math notation as the book writes it, never translated)
 * @param key what it explains, e.g. {@code affine.dx}; a view looks up its explanation under this key
 * @param phase the pass it belongs to
 * @param lines the source lines that compute it: a failure on one of them is a failure of this formula
 */
public record Formula(String text, String key, Phase phase, List<SourceLine> lines) {
    public Formula {
        lines = List.copyOf(lines);
    }
}
