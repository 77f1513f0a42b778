package org.backpropviz.app.view;

import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.backpropviz.app.model.NetGraph.Edge;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Trace;

/**
 * An edge with an arrowhead and the shape of the array on it, as NumPy writes it. A shape not computed yet is
 * shown dimmed ({@code :pending}) when the rest of the iteration knows it, and as {@code ?} when it does not.
 */
public class EdgeView extends Group {
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");

    private final Edge edge;
    private final Line line = new Line();
    private final Polygon head = new Polygon();
    private final Label shape = new Label();
    private Point2D start = Point2D.ZERO;
    private Point2D end = Point2D.ZERO;

    public EdgeView(Edge edge) {
        this.edge = edge;
        setId(edge.id());
        getStyleClass().add("graph-edge");
        line.getStyleClass().add("edge-line");
        head.getStyleClass().add("edge-head");
        shape.getStyleClass().add("edge-shape");
        shape.setId("shape-" + edge.id());
        // a new text or style changes the label's size at the next layout: centre it again then
        shape.widthProperty().addListener((o, a, b) -> placeLabel());
        shape.heightProperty().addListener((o, a, b) -> placeLabel());
        getChildren().addAll(line, head);
    }

    public Edge edge() {
        return edge;
    }

    public Point2D start() {
        return start;
    }

    public Point2D end() {
        return end;
    }

    /** The shape label; the graph puts it on a layer above the nodes so a long shape stays readable. */
    public Label label() {
        return shape;
    }

    /** The text of the shape label (for tests and the inspector). */
    public String shapeText() {
        return shape.getText();
    }

    /** Draws the edge from {@code a} to {@code b}. */
    public void connect(Point2D a, Point2D b) {
        start = a;
        end = b;
        line.setStartX(a.getX());
        line.setStartY(a.getY());
        line.setEndX(b.getX());
        line.setEndY(b.getY());
        Point2D d = b.subtract(a).normalize();
        Point2D n = new Point2D(-d.getY(), d.getX());
        Point2D base = b.subtract(d.multiply(9));
        head.getPoints().setAll(b.getX(), b.getY(), base.getX() + n.getX() * 5, base.getY() + n.getY() * 5,
                base.getX() - n.getX() * 5, base.getY() - n.getY() * 5);
        placeLabel();
    }

    private void placeLabel() {
        Point2D mid = start.midpoint(end);
        if (shape.getSkin() == null) shape.applyCss(); // the first time only: later widths follow from the layout
        double w = shape.prefWidth(-1), h = shape.prefHeight(-1);
        boolean vertical = Math.abs(end.getY() - start.getY()) > Math.abs(end.getX() - start.getX());
        if (vertical) shape.relocate(mid.getX() + 4, mid.getY() - h / 2);
        else shape.relocate(mid.getX() - w / 2, mid.getY() - h - 2);
    }

    /** Shows the shape on the edge in snapshot {@code t}; {@code furthest} supplies shapes not yet computed. */
    public void show(Trace t, Trace furthest) {
        Optional<NDArray> now = edge.from().value(t);
        Optional<NDArray> later = edge.from().value(furthest);
        shape.setText(now.or(() -> later).map(NDArray::shapeString).orElse("?"));
        pseudoClassStateChanged(PENDING, now.isEmpty());
        boolean bad = t.error().map(e -> e.operands().stream()
                .anyMatch(o -> org.backpropviz.app.model.NetGraph.edgesOf(t.network(), e, o).contains(edge))).orElse(false);
        pseudoClassStateChanged(MISMATCH, bad);
        shape.pseudoClassStateChanged(MISMATCH, bad);
        shape.pseudoClassStateChanged(PENDING, now.isEmpty());
        placeLabel();
    }
}
