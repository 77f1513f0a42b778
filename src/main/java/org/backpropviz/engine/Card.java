package org.backpropviz.engine;

/**
 * What a node's card in the graph says about its operation.
 *
 * @param title the name drawn on it: {@code Affine1}, {@code ReLU}, {@code Sigmoid}, {@code Softmax}, {@code Loss}
 * @param op the operation in the book's notation, e.g. {@code x·W1 + b1}
 */
public record Card(String title, String op) {}
