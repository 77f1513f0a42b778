package org.backpropviz.scenario;

import java.util.Objects;
import java.util.OptionalDouble;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Param;

/**
 * A scenario: a network and its arrays (x, W1, b1, …, Wn, bn, t), with an optional name, description and learning rate.
 * Immutable; the {@code with…} methods return copies.
 */
public record Scenario(String name, String description, Double lr, NetInputs inputs) {
    public Scenario {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        Objects.requireNonNull(inputs, "inputs");
        if (lr != null && !(Double.isFinite(lr) && lr > 0)) throw new IllegalArgumentException("lr must be a positive number");
    }

    public static Scenario of(String name, NetInputs inputs) {
        return new Scenario(name, "", null, inputs);
    }

    public OptionalDouble learningRate() {
        return lr == null ? OptionalDouble.empty() : OptionalDouble.of(lr);
    }

    public NDArray get(Param p) {
        return inputs.get(p);
    }

    public Scenario with(Param p, NDArray a) {
        return new Scenario(name, description, lr, inputs.with(p, a));
    }

    public Scenario withInputs(NetInputs in) {
        return new Scenario(name, description, lr, in);
    }

    public Scenario withName(String n) {
        return new Scenario(n, description, lr, inputs);
    }

    public Scenario withDescription(String d) {
        return new Scenario(name, d, lr, inputs);
    }

    public Scenario withLearningRate(Double rate) {
        return new Scenario(name, description, rate, inputs);
    }
}
