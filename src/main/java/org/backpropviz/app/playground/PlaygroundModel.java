package org.backpropviz.app.playground;

import org.backpropviz.app.i18n.Msg;

import org.backpropviz.app.editor.EditorText;
import org.backpropviz.app.concurrent.EngineWorker;
import org.backpropviz.scenario.ArrayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Np;
import org.backpropviz.engine.NumpyException;
import org.backpropviz.engine.Shapes;

/**
 * The matrix-product playground: two arrays A and B and {@code np.dot(A, B)} computed on the model's worker. A
 * selected result cell names the cells of A and B whose products sum to it. All methods are called on the FX thread.
 */
public final class PlaygroundModel {
    /** The lesson's input x, shape (2,). */
    public static final String LESSON_X = "[0.057618, 0.04088931]";
    /** The lesson's weights W, shape (2, 3). */
    public static final String LESSON_W = "[[0.07086644, 0.71153285, 0.0462262], [0.35796734, 0.58845011, 0.47938425]]";

    /**
     * One computed product: the operands, the result (null on an error) and NumPy's error (null on success).
     *
     * @param mismatchAxisA the axis of A that disagrees (its last), or -1
     * @param mismatchAxisB the axis of B that disagrees (its first), or -1
     */
    public record Product(NDArray a, NDArray b, NDArray result, String error, int mismatchAxisA, int mismatchAxisB, List<Fix> fixes) {
        public boolean ok() {
            return result != null;
        }
    }

    /** A change of the operands that makes a failing product work. */
    public enum Fix { SWAP, TRANSPOSE_A, TRANSPOSE_B }

    /** One product term of a result cell: flat indices into A and B. */
    public record Term(int aIndex, int bIndex) {}

    private final EngineWorker worker = new EngineWorker("backpropviz-playground");
    private final ReadOnlyObjectWrapper<NDArray> a = new ReadOnlyObjectWrapper<>(this, "a");
    private final ReadOnlyObjectWrapper<NDArray> b = new ReadOnlyObjectWrapper<>(this, "b");
    private final ReadOnlyObjectWrapper<Product> product = new ReadOnlyObjectWrapper<>(this, "product");
    private final ReadOnlyObjectWrapper<Msg> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");
    private final ReadOnlyObjectWrapper<Msg> note = new ReadOnlyObjectWrapper<>(this, "note");
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final Random batchRandom = new Random(7);

    public PlaygroundModel() {
        a.set(ArrayText.parse(LESSON_X));
        b.set(ArrayText.parse(LESSON_W));
        recompute();
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<NDArray> aProperty() { return a.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<NDArray> bProperty() { return b.getReadOnlyProperty(); }
    /** The latest product; null until the worker's first answer. */
    public ReadOnlyObjectProperty<Product> productProperty() { return product.getReadOnlyProperty(); }
    /** Why the last edit was refused (the old value is kept), or null. */
    public ReadOnlyObjectProperty<Msg> inputErrorProperty() { return inputError.getReadOnlyProperty(); }
    /** A remark on the current operands, e.g. the batch demo's; or null. */
    public ReadOnlyObjectProperty<Msg> noteProperty() { return note.getReadOnlyProperty(); }
    /** The selected cell of the result (flat C-order index), or -1. */
    public ReadOnlyIntegerProperty selectedProperty() { return selected.getReadOnlyProperty(); }

    // ------------------------------------------------------------------ commands

    /** Says that the batch demo's row count refused {@code typed} and keeps {@code kept} (in {@link #inputErrorProperty()}). */
    public void refuseBatchRows(String typed, int min, int max, int kept) {
        inputError.set(Msg.of("batchN.refused", typed, min, max, kept));
    }

    /** Parses and sets A; on bad text keeps the old A and returns false with {@link #inputErrorProperty()} set. */
    public boolean setA(String numpyText) {
        return set(a, numpyText, "A");
    }

    /** Parses and sets B, as {@link #setA}. */
    public boolean setB(String numpyText) {
        return set(b, numpyText, "B");
    }

    private boolean set(ReadOnlyObjectWrapper<NDArray> target, String numpyText, String name) {
        NDArray parsed;
        try {
            parsed = ArrayText.parse(numpyText);
        } catch (ArrayText.ParseException e) {
            inputError.set(Msg.of("input.refused", name,
                    (Msg.Localized) l -> EditorText.of(l).describe(e)));
            return false;
        } catch (IllegalArgumentException e) {
            inputError.set(Msg.of("input.refused", name, e.getMessage()));
            return false;
        }
        inputError.set(null);
        note.set(null);
        target.set(parsed);
        recompute();
        return true;
    }

    /** A·B becomes B·A. */
    public void swap() {
        NDArray old = a.get();
        a.set(b.get());
        b.set(old);
        note.set(null);
        recompute();
    }

    /** A becomes A.T (a 1-D array stays as it is, as in NumPy). */
    public void transposeA() {
        a.set(Np.transpose(a.get()));
        if (a.get().rank() < 2) note.set(Msg.of("note.transpose1d"));
        recompute();
    }

    public void transposeB() {
        b.set(Np.transpose(b.get()));
        if (b.get().rank() < 2) note.set(Msg.of("note.transpose1d"));
        recompute();
    }

    /** Back to the lesson's x · W. */
    public void resetLesson() {
        a.set(ArrayText.parse(LESSON_X));
        b.set(ArrayText.parse(LESSON_W));
        inputError.set(null);
        note.set(null);
        recompute();
    }

    /**
     * The lesson's failing product {@code W.dot(X)}: A is the lesson's W (2, 3) and B its X (2,), so NumPy raises
     * {@code shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)} as in the lesson. The graph cannot show
     * this product (its Affine computes {@code np.dot(x, W1)}), so the Presets menu opens it here.
     */
    public void lessonWdotX() {
        a.set(ArrayText.parse(LESSON_W));
        b.set(ArrayText.parse(LESSON_X));
        inputError.set(null);
        note.set(Msg.of("note.lessonWdotX"));
        recompute();
    }

    /**
     * The batch demo: A becomes an (n, k) batch whose first row is the lesson's x (or the current 1-D A) and whose
     * other rows are other inputs of the same length; B stays.
     */
    public void batchDemo(int n) {
        NDArray first = a.get().rank() == 1 ? a.get() : ArrayText.parse(LESSON_X);
        NDArray bv = b.get();
        double[][] rows = new double[n][first.size()];
        rows[0] = first.toFlatArray();
        for (int r = 1; r < n; r++) {
            for (int c = 0; c < first.size(); c++) rows[r][c] = Math.round(batchRandom.nextDouble() * 1e4) / 1e4;
        }
        a.set(NDArray.matrix(rows));
        inputError.set(null);
        if (bv.rank() == 2 && bv.rows() == first.size()) {
            String before = Shapes.tuple(first.shape()) + " · " + Shapes.tuple(bv.shape()) + " → " + Shapes.tuple(new int[] {bv.cols()});
            String after = Shapes.tuple(a.get().shape()) + " · " + Shapes.tuple(bv.shape()) + " → " + Shapes.tuple(new int[] {n, bv.cols()});
            note.set(Msg.of("note.batch", before, after));
        } else {
            note.set(null);
        }
        recompute();
    }

    /** Selects a cell of the result (flat index), or clears with -1. */
    public void select(int flatIndex) {
        Product p = product.get();
        selected.set(p != null && p.ok() && flatIndex >= 0 && flatIndex < p.result().size() ? flatIndex : -1);
    }

    /** Stops the worker. */
    public void dispose() {
        worker.shutdown();
    }

    // ------------------------------------------------------------------ queries

    /**
     * The products that sum to result cell {@code cell}: for 2-D·2-D, row r of A times column c of B; a 1-D A is one
     * row, a 1-D B one column; a rank-0 operand scales the other element by element.
     */
    public static List<Term> terms(NDArray a, NDArray b, int cell) {
        List<Term> out = new ArrayList<>();
        if (a.rank() == 0) {
            out.add(new Term(0, cell));
            return out;
        }
        if (b.rank() == 0) {
            out.add(new Term(cell, 0));
            return out;
        }
        int k = a.dim(a.rank() - 1);
        int bCols = b.rank() == 2 ? b.cols() : 1;
        int row = a.rank() == 2 ? cell / bCols : 0;
        int col = b.rank() == 2 ? cell % bCols : 0;
        for (int i = 0; i < k; i++) out.add(new Term(row * k + i, b.rank() == 2 ? i * bCols + col : i));
        return out;
    }

    /** The selected cell written out: {@code 0.057618 × 0.07086644 + … = 0.018718}. */
    public String sumOfProducts(int cell) {
        Product p = product.get();
        if (p == null || !p.ok() || cell < 0) return "";
        StringBuilder sb = new StringBuilder();
        for (Term t : terms(p.a(), p.b(), cell)) {
            if (sb.length() > 0) sb.append(" + ");
            sb.append(Shapes.number(p.a().flat(t.aIndex()))).append(" × ").append(Shapes.number(p.b().flat(t.bIndex())));
        }
        return sb.append(" = ").append(Shapes.number(p.result().flat(cell))).toString();
    }

    /**
     * What result cell {@code cell} is, with NumPy's indices (from 0): {@code np.dot(A, B)[0, 2] = A[0, :] · B[:, 2]: row 0
     * of A times column 2 of B, summed}; null when there is no such cell.
     */
    public Msg cellDescription(int cell) {
        Product p = product.get();
        if (p == null || !p.ok() || cell < 0 || cell >= p.result().size()) return null;
        NDArray a = p.a(), b = p.b();
        String at = index(p.result().shape(), cell);
        if (a.rank() == 0) return Msg.of("cell.scalarA", at);
        if (b.rank() == 0) return Msg.of("cell.scalarB", at);
        int bCols = b.rank() == 2 ? b.cols() : 1;
        String row = Integer.toString(cell / bCols), col = Integer.toString(cell % bCols);
        if (a.rank() == 1 && b.rank() == 1) return Msg.of("cell.vectors");
        if (a.rank() == 1) return Msg.of("cell.vectorMatrix", col);
        if (b.rank() == 1) return Msg.of("cell.matrixVector", row);
        return Msg.of("cell.matrices", row, col);
    }

    /** The NumPy index of flat element {@code flat} of an array of this shape: {@code [1, 2]}, {@code [4]}, "" for 0-D. */
    static String index(int[] shape, int flat) {
        if (shape.length == 0) return "";
        if (shape.length == 1) return "[" + flat + "]";
        return "[" + flat / shape[1] + ", " + flat % shape[1] + "]";
    }

    /** {@code (2,) · (2, 3) → (3,)}; with an error the result is {@code ?}. */
    public static String shapesLine(Product p) {
        String res = p.ok() ? Shapes.tuple(p.result().shape()) : "?";
        return Shapes.tuple(p.a().shape()) + " · " + Shapes.tuple(p.b().shape()) + " → " + res;
    }

    // ------------------------------------------------------------------ work

    private void recompute() {
        NDArray av = a.get(), bv = b.get();
        selected.set(-1);
        worker.submit(() -> compute(av, bv), product::set, e -> product.set(new Product(av, bv, null, String.valueOf(e.getMessage()), -1, -1, List.of())));
    }

    static Product compute(NDArray a, NDArray b) {
        try {
            return new Product(a, b, Np.dot(a, b), null, -1, -1, List.of());
        } catch (NumpyException e) {
            boolean aligned = e.isShapeError() && a.rank() > 0 && b.rank() > 0;
            List<Fix> fixes = new ArrayList<>();
            if (works(b, a)) fixes.add(Fix.SWAP);
            if (a.rank() == 2 && works(Np.transpose(a), b)) fixes.add(Fix.TRANSPOSE_A);
            if (b.rank() == 2 && works(a, Np.transpose(b))) fixes.add(Fix.TRANSPOSE_B);
            return new Product(a, b, null, e.getMessage(), aligned ? a.rank() - 1 : -1, aligned ? 0 : -1, List.copyOf(fixes));
        }
    }

    private static boolean works(NDArray a, NDArray b) {
        try {
            Np.dot(a, b);
            return true;
        } catch (org.backpropviz.engine.EngineException e) { // NumPy's error, or a product over the engine's limit
            return false;
        }
    }
}
