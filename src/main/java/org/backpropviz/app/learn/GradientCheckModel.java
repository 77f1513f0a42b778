package org.backpropviz.app.learn;

import org.backpropviz.app.concurrent.EngineWorker;
import org.backpropviz.app.i18n.Msg;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.GradientCheck;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Trace;

/**
 * The gradient check of the current scenario: backprop against the book's central difference, run on the model's
 * worker when asked ({@link #run()}) or when the scenario changes while the view is {@linkplain #activeProperty()
 * active}. A failing pass leaves the engine's message in {@link #errorProperty()}. FX thread only.
 */
public final class GradientCheckModel {
    private final ObservableValue<NetInputs> scenario;
    private final EngineWorker worker = new EngineWorker("backpropviz-gradcheck");
    private final DoubleProperty h = new SimpleDoubleProperty(this, "h", GradientCheck.H);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<GradientCheck.Report> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<NetInputs> checked = new ReadOnlyObjectWrapper<>(this, "checked");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Msg> errorWhere = new ReadOnlyObjectWrapper<>(this, "errorWhere");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper outdated = new ReadOnlyBooleanWrapper(this, "outdated", true);

    /** @param scenario the current scenario's arrays; its value may be null (nothing to check) */
    public GradientCheckModel(ObservableValue<NetInputs> scenario) {
        this.scenario = Objects.requireNonNull(scenario);
        scenario.addListener((o, was, now) -> {
            outdated.set(true);
            if (active.get()) run();
        });
        active.addListener((o, was, now) -> {
            if (now && outdated.get()) run();
        });
    }

    // ------------------------------------------------------------------ properties

    /** The central difference's step (the book's 1e-4). Must be positive. */
    public DoubleProperty hProperty() { return h; }
    /** True while the view is showing; the check then follows the scenario. The host binds it to its tab. */
    public BooleanProperty activeProperty() { return active; }
    /** The latest report, or null (none yet, or the pass failed). */
    public ReadOnlyObjectProperty<GradientCheck.Report> reportProperty() { return report.getReadOnlyProperty(); }
    /** The arrays the latest report was computed from. */
    public ReadOnlyObjectProperty<NetInputs> checkedProperty() { return checked.getReadOnlyProperty(); }
    /** The engine's message when the pass failed, or "". */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Where the failing pass stopped: {@code affine1 (forward): np.dot(x, W1)}, or "". */
    public ReadOnlyObjectProperty<Msg> errorWhereProperty() { return errorWhere.getReadOnlyProperty(); }
    /** True while a check is computing. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** True when the scenario changed since the shown report. */
    public ReadOnlyBooleanProperty outdatedProperty() { return outdated.getReadOnlyProperty(); }

    // ------------------------------------------------------------------ commands

    /** Checks the current scenario with the current h; an older check still running is dropped. */
    public void run() {
        NetInputs in = scenario.getValue();
        double step = h.get();
        outdated.set(false);
        if (in == null) {
            worker.invalidate();
            running.set(false);
            report.set(null);
            error.set("");
            return;
        }
        if (!(step > 0) || !Double.isFinite(step)) throw new IllegalArgumentException("h must be a positive number");
        running.set(true);
        worker.submit(() -> {
            Trace t = Trace.evaluate(in);
            if (t.error().isPresent()) throw new Failed(t.error().get());
            return GradientCheck.check(in, step);
        }, r -> {
            running.set(false);
            checked.set(in);
            error.set("");
            errorWhere.set(null);
            report.set(r);
        }, e -> {
            running.set(false);
            checked.set(in);
            report.set(null);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            errorWhere.set(e instanceof Failed f ? f.where : null);
        });
    }

    /** The engine's error, carried from the worker. */
    private static final class Failed extends RuntimeException {
        /** Where it stopped, e.g. {@code affine2 (backward): np.dot(dout, self.W.T)}, the phase in the window's language. */
        final Msg where;

        Failed(EngineError e) {
            super(e.message(), null, false, false);
            where = Msg.of("gc.where", e.node(), Msg.of("phase." + e.phase().id()), e.expression());
        }
    }

    public void dispose() {
        worker.shutdown();
    }
}
