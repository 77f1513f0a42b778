/**
 * The training and gradient-check tabs, each a self-contained node with its own view-model and worker.
 *
 * <p>Hosting them (the main window's job):
 * <pre>{@code
 * ObservableValue<NetInputs> current = ...;                  // the current scenario's arrays
 * TrainingModel training = new TrainingModel(current);
 * GradientCheckModel check = new GradientCheckModel(current);
 * tabs.getTabs().addAll(new Tab("Training", new TrainingView(training)),
 *                       new Tab("Gradient check", new GradientCheckView(check)));
 * check.activeProperty().bind(checkTab.selectedProperty());  // follow the scenario while showing
 * training.networkProperty()                                 // weights + next mini-batch, for the graph to follow
 * training.saveAsScenario(); training.exportNumpyCode();     // commands; the caller writes the files
 * training.dispose(); check.dispose();                       // on close
 * }</pre>
 * Strings come from {@code learn.properties} / {@code learn_ko.properties}; colours are base.css's {@code -bp-*}
 * variables (added by {@link org.backpropviz.app.control.Theme}), used in {@code learn.css}.
 */
package org.backpropviz.app.learn;
