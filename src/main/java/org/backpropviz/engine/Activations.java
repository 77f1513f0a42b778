package org.backpropviz.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The registered activation kinds: the ones a scenario's {@code "activations"} and the trainer can name. */
public final class Activations {
    private Activations() {}

    /** Every kind, in the order a menu offers them. A new kind is added here, and nowhere else. */
    public static final List<Activation> ALL = List.of(Relu.KIND, Sigmoid.KIND);

    /** The kind with this id ({@code "relu"}, {@code "sigmoid"}), or null. */
    public static Activation byId(String id) {
        for (Activation a : ALL) if (a.id().equals(id)) return a;
        return null;
    }

    /** The ids for a message: {@code relu or sigmoid}. */
    public static String names() {
        List<String> ids = ALL.stream().map(Activation::id).toList();
        if (ids.size() == 1) return ids.get(0);
        return ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + ids.get(ids.size() - 1);
    }
}
