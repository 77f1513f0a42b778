package org.backpropviz.app.view;

import org.backpropviz.app.fx.AfterThisFrame;
import org.backpropviz.app.fx.WhenShown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.ParallelTransition;
import javafx.animation.TranslateTransition;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.control.HeatmapPicture;
import org.backpropviz.app.control.HeatmapPictures;
import org.backpropviz.app.control.Labels;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph;
import org.backpropviz.app.model.NetGraph.Edge;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Phase;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;

/**
 * The computation graph, left to right, scaled to fit its area whatever its size (the inspector opening beside it, a
 * docked editor under it, a smaller window): the learner always sees the whole net. The wheel and Ctrl+= / Ctrl+−
 * zoom relative to that fit, dragging pans, and that zoom is kept until Ctrl+0 or a double click on the background
 * fits again (selecting a node never moves the graph). A forward step sends a token carrying a picture of the value
 * along the edges into the node; a backward step sends the gradients back the other way. A new step during an
 * animation finishes it at once.
 */
public class GraphView extends Pane {
    /**
     * What is drawn: the nodes, edges and labels at the current zoom, whole, whether or not the window shows all of
     * them (a picture of the graph is taken of this, so it is cropped to the graph and never cut by the window).
     */
    public javafx.scene.Node drawing() {
        return content;
    }

    /** Horizontal distance between two operations in the row of operations. */
    static final double OP_STEP = 228;
    /** Room right of the loss (its card and the target above it). */
    private static final double RIGHT_MARGIN = 186;
    /** Least room between a shape label on the row of operations and the cards at either end of its edge. */
    private static final double LABEL_ROOM = 6;
    /** Room left of x's card (at 8) for the glow of a selected card (its shadow's radius is 12). */
    private static final double LEFT_MARGIN = 12;
    /**
     * How much the graph may grow to fill a large window. Only with a GPU: JavaFX's software renderer (a machine
     * without one, a remote desktop, Xvfb) draws text under any scale other than 1 as outlines instead of cached
     * glyphs, and a repaint of the whole graph then took 75 ms instead of 15 ms: the window stuttered at every step.
     * Without a GPU the graph is drawn at its own size whenever it fits; the View menu still zooms on request.
     */
    private static final double MAX_FIT = Platform.isSupported(ConditionalFeature.SCENE3D) ? 1.3 : 1.0;
    /** Space between the row of data nodes and the row of operations, for the edges and their shape labels. */
    private static final double ROW_GAP = 64;
    /** The y of the row of data nodes above the operations. */
    private static final double TOP = 14;
    private static final double MAIN = 250;

    private final GraphViewModel model;
    private final Messages text;
    private final Group content = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group tokenLayer = new Group();
    private final Map<Node, NodeView> nodes = new LinkedHashMap<>();
    /** Where each node goes: its x, and whether it sits in the top row (parameters, t) or in the row of operations. */
    private final Map<Node, double[]> places = new HashMap<>();
    /** The operation each node's column follows: itself for an operation, the one it feeds for a parameter or t (x has none). */
    private final Map<Node, Node> anchors = new HashMap<>();
    /** For each operation, the edge that comes into it along the row of operations (from x or the operation before). */
    private final Map<Node, EdgeView> rowEdgeInto = new HashMap<>();
    /** How far each operation's column is moved right of its place in {@link #layout} to fit the shape label before it. */
    private final Map<Node, Double> pushes = new HashMap<>();
    /** The network drawn. */
    private NetGraph drawn;
    /** The width of the drawing at scale 1. */
    private double width;
    private final List<EdgeView> edges = new ArrayList<>();
    private final Scale scale = new Scale(1, 1);
    private final Translate shift = new Translate();
    private double height = 500;
    private double clickedX, clickedY;
    /** The user's zoom, relative to the scale that fits the graph into its area (1: just fit). */
    private double zoom = 1;
    private double panX;
    private double panY;
    private Point2D dragFrom;
    private Animation running;
    private Trace afterRunning;
    private final WhenShown whenShown;
    /** The pictures of the pass's arrays for the cards and the tokens, made on the engine worker once it is computed. */
    private final HeatmapPictures pictures = new HeatmapPictures();
    private java.util.function.Consumer<Node> onEditNode = n -> { };
    /** The node of the last single click and when: opening the inspector can move the node before the second click. */
    private Node clicked;
    private long clickedAt;
    /** Whether the layout pass after the last click on a node has run. */
    private boolean clickLaidOut = true;
    private final Runnable afterLayout = () -> {
        if (clickLaidOut) return;
        clickLaidOut = true;
        clickedAt = System.nanoTime();
    };

    public GraphView(GraphViewModel model, Messages text, Disposer disposer) {
        this.model = model;
        this.text = text;
        this.whenShown = new WhenShown(() -> render(model.getTrace()));
        setId("graph");
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("graph.css").toExternalForm());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        labelLayer.setMouseTransparent(true);
        build(NetGraph.of(model.getScenario().inputs().network()));
        content.getChildren().addAll(edgeLayer, nodeLayer, labelLayer, tokenLayer);
        content.getTransforms().addAll(shift, scale);
        getChildren().add(content);
        installZoomAndPan();
        setFocusTraversable(true);
        disposer.listen(model.traceProperty(), (o, before, now) -> {
            if (whenShown.drawNow()) onTrace(before, now);
        });
        disposer.listen(model.furthestProperty(), (o, a, b) -> {
            preparePictures(b);
            if (running == null && whenShown.drawNow()) render(model.getTrace());
        });
        disposer.listen(model.selectedProperty(), (o, a, b) -> markSelection());
        disposer.onDispose(this::finishAnimation);
        // a double click's interval is counted from when the first click's effect (the inspector opening beside the
        // graph) is laid out: the first inspector of a session takes about a second, and the second click waits in
        // the queue meanwhile
        javafx.beans.value.ChangeListener<javafx.scene.Scene> onScene = (o, before, now) -> {
            if (before != null) before.removePostLayoutPulseListener(afterLayout);
            if (now != null) now.addPostLayoutPulseListener(afterLayout);
        };
        sceneProperty().addListener(onScene);
        disposer.onDispose(() -> {
            sceneProperty().removeListener(onScene);
            if (getScene() != null) getScene().removePostLayoutPulseListener(afterLayout);
        });
        render(model.getTrace());
        markSelection();
        preparePictures(model.getFurthest());
        AfterThisFrame.run(2, () -> makeTokensAhead(false));
        AfterThisFrame.run(3, () -> makeTokensAhead(true));
    }

    /**
     * Lays out the nodes of a network: the operations in a row, left to right (x before them); each layer's
     * parameters above its Affine, W to the left and b to the right; t above the loss. The lesson's net comes out as
     * it always was drawn.
     */
    static Map<Node, double[]> layout(NetGraph g) {
        Map<Node, double[]> out = new HashMap<>();
        double x = 0;
        for (Node n : g.nodes()) {
            if (!n.isOp()) continue;
            x += OP_STEP;
            out.put(n, new double[] {x, MAIN});
        }
        for (NetGraph.Edge e : g.edges()) {
            Node from = e.from();
            if (from.isOp() || out.containsKey(from)) continue;
            double at = out.get(e.to())[0];
            switch (from.param().orElseThrow().role()) {
                case X -> out.put(from, new double[] {8, MAIN});
                case W -> out.put(from, new double[] {at - 128, TOP});
                case B -> out.put(from, new double[] {at + 60, TOP});
                case T -> out.put(from, new double[] {at + 8, TOP});
            }
        }
        return out;
    }

    /** The width of a network's drawing at scale 1. */
    static double widthOf(NetGraph g) {
        return g.nodes().stream().filter(Node::isOp).count() * OP_STEP + RIGHT_MARGIN;
    }

    /** The network drawn now. */
    public NetGraph drawn() {
        return drawn;
    }

    /** Replaces the nodes and edges with those of {@code g} (a network of another depth or other activations). */
    private void build(NetGraph g) {
        finishAnimation();
        drawn = g;
        nodes.clear();
        edges.clear();
        nodeLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        places.clear();
        places.putAll(layout(g));
        anchors.clear();
        rowEdgeInto.clear();
        pushes.clear();
        for (Node n : g.nodes()) if (n.isOp()) anchors.put(n, n);
        for (Edge e : g.edges()) if (places.get(e.from())[1] < MAIN) anchors.putIfAbsent(e.from(), e.to()); // x stays
        width = widthOf(g);
        for (Node n : g.nodes()) {
            NodeView v = new NodeView(n, text);
            v.valueView().setPictures(pictures);
            v.gradView().setPictures(pictures);
            double[] p = places.get(n);
            v.relocate(p[0], p[1]);
            v.setOnMouseClicked(e -> {
                requestFocus();
                e.consume();
                if (e.getButton() != MouseButton.PRIMARY) return;
                if (isSecond(e) && secondClick()) return;
                clicked = n;
                clickedX = e.getScreenX();
                clickedY = e.getScreenY();
                model.selectedProperty().set(n.id());
                clickedAt = System.nanoTime();
                clickLaidOut = false; // counted again once the inspector it opens is laid out (see afterLayout)
            });
            nodes.put(n, v);
            nodeLayer.getChildren().add(v);
            v.boundsInParentProperty().addListener((o, a, b) -> reconnectAfterLayout());
        }
        for (Edge e : g.edges()) {
            EdgeView v = new EdgeView(e);
            edges.add(v);
            if (places.get(e.from())[1] >= MAIN && places.get(e.to())[1] >= MAIN) {
                rowEdgeInto.put(e.to(), v);
                // a longer shape (a larger batch, say) may need a wider gap: the columns are spread at the next layout
                v.label().widthProperty().addListener((o, a, b) -> requestLayout());
            }
        }
        edgeLayer.getChildren().addAll(edges);
        edges.forEach(e -> labelLayer.getChildren().add(e.label()));
        markSelection();
        requestLayout();
    }

    /** Rebuilds the drawing when the snapshot's network is not the one drawn. */
    private void follow(Trace t) {
        if (t != null && !t.network().equals(drawn.network())) build(NetGraph.of(t.network()));
    }

    /** Called with an input or parameter node when it is double-clicked (the window opens its editor). */
    public void setOnEditNode(java.util.function.Consumer<Node> action) {
        onEditNode = action == null ? n -> { } : action;
    }

    /**
     * Whether a click is the second of a double click. JavaFX counts clicks per target, and the first click can move
     * the graph (the inspector opens beside it and the graph refits), so the second click may land on another node or
     * on the background: a click at the same place on the screen within the double-click interval counts too.
     */
    private boolean isSecond(javafx.scene.input.MouseEvent e) {
        return e.getClickCount() >= 2 || clicked != null && System.nanoTime() - clickedAt < 500_000_000L
                && Math.abs(e.getScreenX() - clickedX) < 6 && Math.abs(e.getScreenY() - clickedY) < 6;
    }

    /** The second click of a double click: opens the editor of the node the first click selected, if it has one. */
    private boolean secondClick() {
        Node n = clicked;
        clicked = null;
        if (n == null || System.nanoTime() - clickedAt > 800_000_000L || n.param().isEmpty()) return false;
        onEditNode.accept(n);
        return true;
    }

    /** True while a step's token is moving. */
    public boolean isAnimating() {
        return running != null;
    }

    // ------------------------------------------------------------------ zoom and pan

    public void zoomBy(double factor) {
        zoom = Math.max(0.3, Math.min(4, zoom * factor));
        requestLayout();
    }

    public void fit() {
        zoom = 1;
        panX = 0;
        panY = 0;
        requestLayout();
    }

    private void installZoomAndPan() {
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
            e.consume();
        });
        setOnMousePressed(e -> {
            dragFrom = new Point2D(e.getX() - panX, e.getY() - panY);
            requestFocus();
        });
        setOnMouseDragged(e -> {
            if (dragFrom == null) return;
            panX = e.getX() - dragFrom.getX();
            panY = e.getY() - dragFrom.getY();
            requestLayout();
        });
        setOnMouseReleased(e -> dragFrom = null);
        setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || !isSecond(e)) return;
            if (!secondClick() && e.getTarget() == this) fit();
        });
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placeRows();
        double w = getWidth(), h = getHeight();
        double whole = width + LEFT_MARGIN; // x's card and its glow when selected need room left of it
        double fitScale = Math.max(0.2, Math.min(MAX_FIT, Math.min(w / whole, h / height)));
        double s = fitScale * zoom;
        scale.setX(s);
        scale.setY(s);
        shift.setX((w - whole * s) / 2 + LEFT_MARGIN * s + panX);
        shift.setY(Math.max(0, (h - height * s) / 2) + panY);
    }

    /** The graph's scale now: the fit to its area times the user's zoom (1: drawn at its own size). */
    public double scale() {
        return scale.getX();
    }

    /**
     * Moves the columns of operations right where the shape label on the edge into an operation is wider than the gap
     * between the cards at its ends (a batch of 1000 writes {@code (1000, 1000)}), so the label sits clear of both
     * cards. A column only moves right of its place in {@link #layout}: the lesson's small shapes leave every gap as
     * it is. Each parameter and t follow the operation they feed.
     */
    private void spreadColumns() {
        double push = 0;
        for (Map.Entry<Node, NodeView> e : nodes.entrySet()) {
            Node op = e.getKey();
            if (!op.isOp()) continue;
            EdgeView in = rowEdgeInto.get(op);
            if (in != null) {
                Node from = in.edge().from();
                NodeView card = nodes.get(from);
                double right = xOf(from) + Math.max(card.prefWidth(-1), card.getLayoutBounds().getWidth());
                double need = right + in.label().prefWidth(-1) + 2 * LABEL_ROOM;
                push = Math.max(push, need - places.get(op)[0]);
            }
            pushes.put(op, push);
        }
        width = widthOf(drawn) + push;
    }

    /** The x of a node's card: its place in {@link #layout}, moved with its column. */
    private double xOf(Node n) {
        Node anchor = anchors.get(n);
        return places.get(n)[0] + (anchor == null ? 0 : pushes.getOrDefault(anchor, 0.0));
    }

    /**
     * Places the columns (see {@link #spreadColumns}) and puts the row of operations just below the tallest data node
     * above it (node heights follow their arrays).
     */
    private void placeRows() {
        spreadColumns();
        double top = 0;
        double bottom = 0;
        for (Map.Entry<Node, NodeView> e : nodes.entrySet()) {
            double[] p = places.get(e.getKey());
            if (p[1] < MAIN) {
                top = Math.max(top, p[1] + e.getValue().prefHeight(-1));
                double x = xOf(e.getKey());
                if (e.getValue().getLayoutX() != x) e.getValue().relocate(x, p[1]);
            }
        }
        double mainY = Math.max(MAIN, top + ROW_GAP);
        for (Map.Entry<Node, NodeView> e : nodes.entrySet()) {
            double[] p = places.get(e.getKey());
            if (p[1] >= MAIN) {
                NodeView v = e.getValue();
                double x = xOf(e.getKey());
                if (v.getLayoutY() != mainY || v.getLayoutX() != x) v.relocate(x, mainY);
                // its drawn height when larger than its preferred one (a card with a value may be): the fit must hold it
                bottom = Math.max(bottom, mainY + Math.max(v.prefHeight(-1), v.getBoundsInLocal().getHeight()));
            }
        }
        height = bottom + 14;
    }

    // ------------------------------------------------------------------ drawing

    /** The scene whose end of layout a reconnect waits for, or null. */
    private javafx.scene.Scene reconnectIn;
    private final Runnable reconnectNow = new Runnable() {
        @Override
        public void run() {
            reconnectIn.removePostLayoutPulseListener(this);
            reconnectIn = null;
            reconnect();
        }
    };

    /**
     * Draws the edges anew once the layout of this pulse is done. A layout moves or resizes most cards one after the
     * other (a reset changes every card's height), and each change used to redraw every edge and place its label.
     */
    private void reconnectAfterLayout() {
        javafx.scene.Scene s = getScene();
        if (s == null) {
            reconnect();
            return;
        }
        if (reconnectIn != null) return;
        reconnectIn = s;
        s.addPostLayoutPulseListener(reconnectNow);
    }

    private void reconnect() {
        for (EdgeView e : edges) {
            Bounds a = nodes.get(e.edge().from()).getBoundsInParent();
            Bounds b = nodes.get(e.edge().to()).getBoundsInParent();
            Point2D from, to;
            Param p = e.edge().from().param().orElse(null);
            if (p == null || p.role() == Param.Role.X) {
                from = new Point2D(a.getMaxX(), a.getMinY() + 62);
                to = new Point2D(b.getMinX(), b.getMinY() + 62);
            } else {
                double at = p.role() == Param.Role.B ? 0.72 : p.role() == Param.Role.T ? 0.5 : 0.28;
                from = new Point2D(a.getMinX() + a.getWidth() / 2, a.getMaxY());
                to = new Point2D(b.getMinX() + b.getWidth() * at, b.getMinY());
            }
            e.connect(from, to);
        }
    }

    /** Whether the graph is on screen; while it is not, new traces are drawn only once it shows again. */
    public javafx.beans.property.BooleanProperty shownProperty() {
        return whenShown.shownProperty();
    }

    private void render(Trace t) {
        if (t == null) return;
        follow(t);
        Trace furthest = model.getFurthest() == null ? t : model.getFurthest();
        nodes.values().forEach(v -> v.show(t));
        edges.forEach(e -> e.show(t, furthest));
    }

    private void markSelection() {
        String id = model.selectedProperty().get();
        nodes.forEach((n, v) -> v.setSelected(n.id().equals(id)));
    }

    // ------------------------------------------------------------------ animation

    private void onTrace(Trace before, Trace now) {
        finishAnimation();
        follow(now);
        boolean oneStep = before != null && now != null && now != before && now.back() == before;
        if (!oneStep || model.stepDuration().toMillis() <= 0) {
            render(now);
            return;
        }
        List<TranslateTransition> moves = tokensFor(before, now);
        if (moves.isEmpty()) {
            render(now);
            return;
        }
        render(before);
        ParallelTransition all = new ParallelTransition();
        all.getChildren().addAll(moves);
        all.setOnFinished(e -> finishAnimation());
        running = all;
        afterRunning = now;
        all.play();
    }

    /** Ends the running animation at once and shows its result. */
    private void finishAnimation() {
        if (running == null) return;
        Animation a = running;
        Trace target = afterRunning;
        running = null;
        afterRunning = null;
        a.stop();
        valueTokens.forEach(k -> k.box.setVisible(false));
        gradTokens.forEach(k -> k.box.setVisible(false));
        render(target);
    }

    private List<TranslateTransition> tokensFor(Trace before, Trace now) {
        List<TranslateTransition> out = new ArrayList<>();
        valueTokensUsed = 0;
        gradTokensUsed = 0;
        Step step = now.last().orElseThrow();
        Node target = drawn.node(step.node());
        for (EdgeView e : edges) {
            if (!e.edge().to().equals(target)) continue;
            if (step.phase() == Phase.FORWARD) {
                e.edge().from().value(now).ifPresent(v -> out.add(move(v, e.start(), e.end(), false)));
            } else {
                Node from = e.edge().from();
                if (from.grad(now).isPresent() && from.grad(before).isEmpty()) {
                    out.add(move(from.grad(now).get(), e.end(), e.start(), true));
                }
            }
        }
        return out;
    }

    /**
     * A token: a small picture of an array with its shape. Tokens are kept from step to step and hidden between
     * animations: a new one cost the CSS and text layout of about ten nodes in the frame of every step.
     */
    private record Token(VBox box, MatrixView picture, Label shape) {}

    /** A token's largest picture. */
    private static final double TOKEN_WIDTH = 40, TOKEN_HEIGHT = 26;
    /** The most tokens of a kind one step sends: an Affine's three inputs forward, their three gradients backward. */
    private static final int TOKENS_PER_STEP = 3;

    private final List<Token> valueTokens = new ArrayList<>();
    private final List<Token> gradTokens = new ArrayList<>();
    private int valueTokensUsed, gradTokensUsed;

    /** The next unused token of a kind this step, made the first time a step needs that many. */
    private Token token(boolean gradient) {
        List<Token> pool = gradient ? gradTokens : valueTokens;
        int i = gradient ? gradTokensUsed++ : valueTokensUsed++;
        return i < pool.size() ? pool.get(i) : newToken(gradient);
    }

    /** A new hidden token of a kind, added to its pool. */
    private Token newToken(boolean gradient) {
        List<Token> pool = gradient ? gradTokens : valueTokens;
        MatrixView picture = new MatrixView(text);
        picture.maxNumberRowsProperty().set(0);
        picture.legendVisibleProperty().set(false);
        picture.setHeatmapSize(TOKEN_WIDTH, TOKEN_HEIGHT);
        picture.setPictures(pictures);
        Label shape = Labels.empty();
        shape.getStyleClass().add("token-shape");
        VBox box = new VBox(1, picture, shape);
        box.getStyleClass().addAll("token", gradient ? "token-grad" : "token-value");
        box.setMouseTransparent(true);
        box.setVisible(false);
        tokenLayer.getChildren().add(box);
        Token k = new Token(box, picture, shape);
        pool.add(k);
        return k;
    }

    /**
     * Makes the tokens of one kind that a step can need before any step does, each styled with a picture of a small
     * stand-in array, in a frame of their own after the window's first: a first step would otherwise pay for their
     * nodes, CSS and first heatmap in its own frame. They stay hidden until a step sends them.
     */
    private void makeTokensAhead(boolean gradient) {
        List<Token> pool = gradient ? gradTokens : valueTokens;
        NDArray standIn = NDArray.matrix(new double[][] {{-1, 0.5, 1, 0.25}, {0.75, -0.5, 0, 1}});
        while (pool.size() < TOKENS_PER_STEP) {
            Token k = newToken(gradient);
            k.picture.setArray(standIn);
            k.box.applyCss();
        }
    }

    /**
     * Has the engine worker make, once a pass is computed, the pictures its arrays will need on the cards and on the
     * tokens, so that a step's frame only hands finished pixels over (a first step otherwise coloured every new
     * picture on the JavaFX thread, with code not yet compiled). Not while the graph is hidden or follows a training run.
     */
    private void preparePictures(Trace furthest) {
        if (furthest == null || model.isFollowing() || !whenShown.drawNow()) return;
        List<HeatmapPictures.Wanted> wanted = new ArrayList<>();
        HeatmapPictures.Box tokenBox = new HeatmapPictures.Box(TOKEN_WIDTH, TOKEN_HEIGHT, HeatmapPicture.DEFAULT_MAX_CELL);
        for (NodeView v : nodes.values()) {
            v.node().value(furthest).ifPresent(a -> want(wanted, v.valueView(), a));
            v.node().grad(furthest).ifPresent(a -> want(wanted, v.gradView(), a));
        }
        for (EdgeView e : edges) {
            e.edge().from().value(furthest).ifPresent(a -> wanted.add(new HeatmapPictures.Wanted(a.batchView(), tokenBox)));
            e.edge().from().grad(furthest).ifPresent(a -> wanted.add(new HeatmapPictures.Wanted(a.batchView(), tokenBox)));
        }
        pictures.prepareOn(model::runOnWorker, wanted);
        if (furthest != model.getTrace()) {
            rehearse(List.copyOf(nodes.values()), furthest, 0);
            // the worker runs in order: once it has made the pictures, the tokens can rehearse with them
            model.runOnWorker(() -> Platform.runLater(() -> rehearseTokens(furthest)));
        }
    }

    /**
     * Sends each step's tokens once, hidden, one step a frame, from the snapshot shown now to {@code furthest}: JavaFX
     * styles each token for the arrays it will carry and caches those styles, and the first step no longer pays for
     * the animation classes' loading and first run (the first key press took 15–25 ms of the JavaFX thread).
     */
    private void rehearseTokens(Trace furthest) {
        if (model.getFurthest() != furthest || model.getTrace() == null) return;
        List<Trace> pass = new ArrayList<>();
        for (Trace t = furthest; t.stepsDone() > model.getTrace().stepsDone(); t = t.back()) pass.add(0, t);
        // the next step's tokens last: they are left holding its arrays and shapes, so its key press finds them ready
        if (pass.size() > 1) pass.add(pass.remove(0));
        rehearseTokens(pass, furthest, 0);
    }

    private void rehearseTokens(List<Trace> pass, Trace furthest, int from) {
        if (from >= pass.size()) return;
        AfterThisFrame.run(() -> {
            if (model.getFurthest() != furthest || getScene() == null) return; // a newer pass has its own rehearsal
            if (running != null) { // a step is moving its tokens: try again next frame
                rehearseTokens(pass, furthest, from);
                return;
            }
            Trace now = pass.get(from);
            List<TranslateTransition> moves = tokensFor(now.back(), now);
            if (from == 0) { // the animation's classes and code, once
                ParallelTransition all = new ParallelTransition();
                all.getChildren().addAll(moves);
                all.play();
                all.stop();
            }
            valueTokens.forEach(k -> k.box.setVisible(false));
            gradTokens.forEach(k -> k.box.setVisible(false));
            rehearseTokens(pass, furthest, from + 1);
        });
    }

    /**
     * Shows each card once as the pass will leave it and at once as it is now, in the same task, one card a frame
     * (nothing is drawn in between): JavaFX then styles the card, its heatmaps and labels in the states the steps will
     * put them in, and caches those styles, before a step's frame needs them.
     */
    private void rehearse(List<NodeView> cards, Trace furthest, int from) {
        if (from >= cards.size()) return;
        AfterThisFrame.run(() -> {
            if (model.getFurthest() != furthest || getScene() == null) return; // a newer pass has its own rehearsal
            if (running != null) { // a step is moving: its cards show its start; try again next frame
                rehearse(cards, furthest, from);
                return;
            }
            NodeView card = cards.get(from);
            card.show(furthest);
            card.applyCss();
            card.layout();
            card.show(model.getTrace());
            card.applyCss();
            rehearse(cards, furthest, from + 1);
        });
    }

    private static void want(List<HeatmapPictures.Wanted> wanted, MatrixView view, NDArray a) {
        NDArray drawn = view.heatmapArrayOf(a);
        if (drawn != null) wanted.add(new HeatmapPictures.Wanted(drawn, view.heatmapBox()));
    }

    private TranslateTransition move(NDArray a, Point2D from, Point2D to, boolean gradient) {
        Token k = token(gradient);
        k.picture.setArray(a);
        k.shape.setText(a.shapeString());
        VBox token = k.box;
        token.applyCss();
        token.autosize();
        double w = token.getWidth() / 2, h = token.getHeight() / 2;
        token.setTranslateX(from.getX() - w); // where the transition starts: otherwise the token spends its first frame at the origin
        token.setTranslateY(from.getY() - h);
        token.setVisible(true);
        TranslateTransition t = new TranslateTransition(model.stepDuration(), token);
        t.setFromX(from.getX() - w);
        t.setFromY(from.getY() - h);
        t.setToX(to.getX() - w);
        t.setToY(to.getY() - h);
        t.setInterpolator(Interpolator.EASE_BOTH);
        return t;
    }
}
