package org.backpropviz.app.learn;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * A view drawn on one canvas, sized to its preferred size unless a subclass sizes it otherwise: one node where a
 * grid of labels would be hundreds (each label is styled, laid out and skinned in the frame that shows it). Content
 * that changes many times a frame is drawn once in the next pulse ({@link #redrawLater()}). The pointer's part is told
 * in one tooltip. Fonts and colours come from CSS: the inherited {@code -fx-font}, and {@code -bp-text-color},
 * {@code -bp-muted-color}, {@code -bp-right-color} (a correct prediction), {@code -bp-wrong-color} (a miss),
 * {@code -bp-cell-border-color}. FX thread only.
 */
abstract class CanvasPane extends Region {
    private static final StyleablePropertyFactory<CanvasPane> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableObjectProperty<Font> font = object(CSS.createStyleableFontProperty(this, "font", "-fx-font", v -> v.font, Font.getDefault(), true));
    private final StyleableObjectProperty<Color> textColor = colour("textColor", "-bp-text-color", v -> v.textColor, "#1f2430");
    private final StyleableObjectProperty<Color> mutedColor = colour("mutedColor", "-bp-muted-color", v -> v.mutedColor, "#6b7280");
    private final StyleableObjectProperty<Color> rightColor = colour("rightColor", "-bp-right-color", v -> v.rightColor, "#1e6fd9");
    private final StyleableObjectProperty<Color> wrongColor = colour("wrongColor", "-bp-wrong-color", v -> v.wrongColor, "#d32f2f");
    private final StyleableObjectProperty<Color> borderColor = colour("borderColor", "-bp-cell-border-color", v -> v.borderColor, "#c9ced8");

    private final Canvas canvas = new Canvas();
    private final Text measure = new Text();
    private final Tooltip tip = new Tooltip();
    private boolean tipInstalled;
    private boolean redrawPending;
    /** Runs in the next pulse, before its layout: {@link #redrawLater()}. */
    private final javafx.animation.AnimationTimer pendingRedraw = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            redraw();
        }
    };

    CanvasPane() {
        getChildren().add(canvas);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setAccessibleRole(javafx.scene.AccessibleRole.TEXT); // a canvas says nothing to a screen reader: the views say it in words
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        font.addListener(o -> changed());
        for (var p : List.of(textColor, mutedColor, rightColor, wrongColor, borderColor)) p.addListener(o -> redraw());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
    }

    private StyleableObjectProperty<Color> colour(String name, String property,
            java.util.function.Function<CanvasPane, StyleableProperty<Color>> get, String initial) {
        return object(CSS.createStyleableColorProperty(this, name, property, get, Color.web(initial)));
    }

    /** The factory's properties are {@code SimpleStyleableObjectProperty}s, typed as their interface only. */
    private static <T> StyleableObjectProperty<T> object(StyleableProperty<T> p) {
        return (StyleableObjectProperty<T>) p;
    }

    /** Measures the content again (the font may have changed) and lays out and draws it anew. */
    protected final void changed() {
        remeasure();
        requestLayout();
        redraw();
    }

    /** Computes the sizes {@link #computePrefWidth} and {@link #computePrefHeight} give. */
    protected abstract void remeasure();

    /** Draws the content on a cleared canvas of the preferred size. */
    protected abstract void draw(GraphicsContext g);

    /** What the tooltip says at a point in this region's coordinates, or null for none. */
    protected abstract String describeAt(double x, double y);

    /** The font the content is drawn in (from CSS, inherited). */
    Font font() {
        return font.get();
    }

    Font bold() {
        return Font.font(font.get().getFamily(), FontWeight.BOLD, font.get().getSize());
    }

    Font small() {
        return Font.font(font.get().getFamily(), font.get().getSize() * 0.85);
    }

    Color textColor() { return textColor.get(); }
    Color mutedColor() { return mutedColor.get(); }
    Color rightColor() { return rightColor.get(); }
    Color wrongColor() { return wrongColor.get(); }
    Color borderColor() { return borderColor.get(); }

    /** The tooltip (its text follows the pointer). */
    Tooltip tooltip() {
        return tip;
    }

    /** The width of {@code s} in {@code f}, rounded up to a pixel. */
    double width(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    /** The height of a line in {@code f}, rounded up to a pixel. */
    double lineHeight(Font f) {
        measure.setFont(f);
        measure.setText("0Ag");
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    private void pointAt(double x, double y) {
        String text = describeAt(x, y);
        if (text == null) {
            if (tipInstalled) {
                Tooltip.uninstall(this, tip);
                tipInstalled = false;
            }
            return;
        }
        tip.setText(text);
        if (!tipInstalled) {
            Tooltip.install(this, tip);
            tipInstalled = true;
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /** The canvas's width: the preferred width, unless the content wraps to the width it is given. */
    protected double canvasWidth() {
        return Math.ceil(computePrefWidth(-1));
    }

    /** The canvas's height: the preferred height. */
    protected double canvasHeight() {
        return Math.ceil(computePrefHeight(-1));
    }

    @Override
    protected void layoutChildren() {
        double w = canvasWidth(), h = canvasHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /**
     * Draws the content anew in the next pulse, once however often this is called before it: for content that
     * changes many times a frame (a chart fed by a running training).
     */
    protected final void redrawLater() {
        if (redrawPending) return;
        redrawPending = true;
        pendingRedraw.start();
    }

    /** Draws the content anew now. */
    protected final void redraw() {
        redrawPending = false;
        pendingRedraw.stop();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
