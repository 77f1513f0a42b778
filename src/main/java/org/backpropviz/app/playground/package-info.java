/**
 * The matrix-product playground: {@code new PlaygroundView(new PlaygroundModel())}, self-contained (its own worker;
 * call {@link org.backpropviz.app.playground.PlaygroundModel#dispose()} on close). Strings in
 * {@code playground.properties} / {@code playground_ko.properties}, colours in {@code playground.css}.
 */
package org.backpropviz.app.playground;
