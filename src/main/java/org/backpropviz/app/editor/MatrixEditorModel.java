package org.backpropviz.app.editor;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.text.Numbers;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Np;
import org.backpropviz.engine.Shapes;
import org.backpropviz.scenario.ArrayText;

/**
 * The editable state of one array ({@code x}, {@code W1}, {@code b1}, {@code W2}, {@code b2} or {@code t}):
 * its current value and one command per edit. It keeps no history: every committed edit goes to the
 * {@linkplain #setOnCommit commit listener} as one named {@link Edit}, which the window records in the scenario's
 * one history; {@link #undo()} and {@link #redo()} ask that history ({@link #setHistory}), which then
 * {@linkplain #load loads} the restored array.
 *
 * <p>Arrays are immutable, so every command builds a new {@link NDArray}.
 * A command that is refused changes nothing, sets {@link #errorMessageProperty()} to one line that says why, and
 * returns {@code false}. A command that succeeds clears the error, sets {@link #valueProperty()} and calls the
 * commit listener with the new array and the change's name.
 *
 * <p>Rows and columns refer to the 2-D view of the array ({@code (n,)} is one row of n columns), indexed from 0
 * as NumPy indexes. Use on the JavaFX thread.
 */
public final class MatrixEditorModel {

    /** What new cells get when a shape grows. */
    public enum NewCells { ZERO, RANDOM }

    /**
     * One committed edit: the new array, and the change's name as a key of the window's bundle with its arguments
     * ({@code change.editCell}, {@code [W1, [0, 0]]} is "Edit W1[0, 0]").
     */
    public record Edit(NDArray value, String key, List<Object> args) {
        public Edit {
            args = List.copyOf(args);
        }
    }

    /** Where undo and redo go: the history the edits are recorded in (the scenario's, in the window). */
    public interface History {
        /** Takes back the last change; returns false when there is none. */
        boolean undo();

        /** Makes the last undone change again; returns false when there is none. */
        boolean redo();

        ObservableBooleanValue canUndo();

        ObservableBooleanValue canRedo();
    }

    /** The largest array the editor builds (4 million numbers, 32 MB). */
    public static final int MAX_SIZE = 4_000_000;

    private final String name;
    private final Messages messages;
    private final EditorText text;
    private final ReadOnlyObjectWrapper<NDArray> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ObjectProperty<NewCells> newCells = new SimpleObjectProperty<>(this, "newCells", NewCells.ZERO);
    private final DoubleProperty randomStd = new SimpleDoubleProperty(this, "randomStd", 0.01);
    private Random random = new Random();
    private Consumer<Edit> onCommit = a -> {};
    private History history;

    /**
     * @param name the array's name as the graph shows it, e.g. {@code W1}
     * @param initial the value to start from; not modified (arrays are immutable)
     * @param messages the window's text lookup, whose language the editor speaks
     */
    public MatrixEditorModel(String name, NDArray initial, Messages messages) {
        this.name = Objects.requireNonNull(name);
        this.messages = Objects.requireNonNull(messages);
        this.text = new EditorText(messages);
        value.set(Objects.requireNonNull(initial));
    }

    /** A model with the strings of the default locale. */
    public MatrixEditorModel(String name, NDArray initial) {
        this(name, initial, new Messages(Locale.getDefault()));
    }

    // ------------------------------------------------------------------ properties

    public String getName() {
        return name;
    }

    /** The text lookup the editor speaks with (the window's). */
    public Messages getMessages() {
        return messages;
    }

    /** The current array; changes on every committed edit, undo, redo and {@link #load}. */
    public ReadOnlyObjectProperty<NDArray> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public NDArray getValue() {
        return value.get();
    }

    /** Why the last command was refused, or empty. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** What the last successful command did when that is worth saying (e.g. a reshape), or empty. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** What new cells get when the shape grows: zero (default) or random normal with {@link #randomStdProperty()}. */
    public ObjectProperty<NewCells> newCellsProperty() {
        return newCells;
    }

    /** The standard deviation of random fills, the book's {@code weight_init_std} (default 0.01). */
    public DoubleProperty randomStdProperty() {
        return randomStd;
    }

    /** The source of random numbers (tests pass a seeded one). */
    public void setRandom(Random random) {
        this.random = Objects.requireNonNull(random);
    }

    /** Called with the new array and the change's name after every committed edit (not after {@link #load}). */
    public void setOnCommit(Consumer<Edit> onCommit) {
        this.onCommit = onCommit == null ? a -> {} : onCommit;
    }

    /** The history undo and redo go to; with none (null) they do nothing. */
    public void setHistory(History history) {
        this.history = history;
        canUndo.unbind();
        canRedo.unbind();
        if (history == null) {
            canUndo.set(false);
            canRedo.set(false);
        } else {
            canUndo.bind(Bindings.createBooleanBinding(() -> history.canUndo().get(), history.canUndo()));
            canRedo.bind(Bindings.createBooleanBinding(() -> history.canRedo().get(), history.canRedo()));
        }
    }

    /** Clears the error message (e.g. when the user starts another edit). */
    public void clearMessages() {
        errorMessage.set("");
        statusMessage.set("");
    }

    // ------------------------------------------------------------------ commands: cells

    /**
     * Sets one element from the text typed into its cell. Refuses text that is not a finite number, keeping the
     * old value.
     */
    public boolean setCell(int row, int col, String text) {
        NDArray a = value.get();
        if (row < 0 || col < 0 || row >= a.rows() || col >= a.cols()) {
            return refuse("error.noSuchCell", index(row, col), a.shapeString());
        }
        double v;
        try {
            v = ArrayText.parseNumber(text, name + index(row, col));
        } catch (ArrayText.ParseException e) {
            return refuse("error.cell", describe(e), Numbers.repr(a.get(row, col)));
        }
        return commit(a.withFlat(row * a.cols() + col, v), "", "change.editCell", name, index(row, col));
    }

    /** Sets the given cells ({row, column} pairs) to {@code v} in one undoable step (Delete sets them to 0). */
    public boolean setCells(java.util.Collection<int[]> cells, double v) {
        NDArray a = value.get();
        if (!Double.isFinite(v)) return refuse("error.cell", Numbers.repr(v), "");
        double[] out = a.toFlatArray();
        for (int[] rc : cells) {
            if (rc[0] >= 0 && rc[1] >= 0 && rc[0] < a.rows() && rc[1] < a.cols()) out[rc[0] * a.cols() + rc[1]] = v;
        }
        return commit(NDArray.of(a.shape(), out), "", "change.setCells", name, cells.size(), Numbers.repr(v));
    }

    /** How the element at row, column is indexed in NumPy: {@code [1, 2]} for a matrix, {@code [2]} for a vector. */
    public String index(int row, int col) {
        NDArray a = value.get();
        if (a.rank() == 2) return "[" + row + ", " + col + "]";
        if (a.rank() == 1) return "[" + col + "]";
        return "[()]";
    }

    // ------------------------------------------------------------------ commands: shape

    /** Sets the shape typed as NumPy writes it ({@code (2,)}, {@code (1, 2)}, {@code (4, 3)}); see {@link #setShape(int[])}. */
    public boolean setShape(String text) {
        int[] shape;
        try {
            shape = Shapes.parse(text);
        } catch (IllegalArgumentException e) {
            return refuse("error.shape", text.trim(), e.getMessage());
        }
        return setShape(shape);
    }

    /**
     * Sets the shape. The same number of elements reshapes in C order, as {@code a.reshape(...)} would; another
     * number keeps the overlapping top-left block and fills the new cells as {@link #newCellsProperty()} says.
     */
    public boolean setShape(int[] shape) {
        NDArray a = value.get();
        long size = 1;
        for (int d : shape) size *= d;
        if (size > MAX_SIZE) return refuse("error.tooLarge", Shapes.tuple(shape), size, MAX_SIZE);
        if (java.util.Arrays.equals(shape, a.shape())) {
            clearMessages();
            return true;
        }
        if (size == a.size()) {
            return commit(a.reshape(shape), msg("status.reshaped", a.shapeString(), Shapes.tuple(shape)), "change.reshape", name, Shapes.tuple(shape));
        }
        return commit(resized(a, shape), msg("status.resized", a.shapeString(), Shapes.tuple(shape)), "change.reshape", name, Shapes.tuple(shape));
    }

    /** Appends a row at the end ({@code (r, c)} → {@code (r + 1, c)}); a 1-D array has no rows to add. */
    public boolean addRow() {
        return insertRow(value.get().rows());
    }

    /** Inserts a row before row {@code at} (0 … rows); the new cells follow {@link #newCellsProperty()}. */
    public boolean insertRow(int at) {
        NDArray a = value.get();
        if (a.rank() < 2) return refuse("error.noRows", a.shapeString());
        if (at < 0 || at > a.rows()) at = a.rows();
        int r = a.rows() + 1, c = a.cols();
        if ((long) r * c > MAX_SIZE) return refuse("error.tooLarge", Shapes.tuple(new int[] {r, c}), (long) r * c, MAX_SIZE);
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = i < at ? a.get(i, j) : i == at ? newCell() : a.get(i - 1, j);
            }
        }
        return commit(NDArray.of(new int[] {r, c}, out), "", "change.insertRow", name, at);
    }

    /** Removes the last row. */
    public boolean removeRow() {
        return removeRow(value.get().rows() - 1);
    }

    /** Removes row {@code index}; the last row cannot go (an array needs at least one element). */
    public boolean removeRow(int index) {
        NDArray a = value.get();
        if (a.rank() < 2) return refuse("error.noRows", a.shapeString());
        if (a.rows() == 1) return refuse("error.lastOne", a.shapeString());
        if (index < 0 || index >= a.rows()) index = a.rows() - 1;
        int r = a.rows() - 1, c = a.cols();
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) out[i * c + j] = a.get(i < index ? i : i + 1, j);
        }
        return commit(NDArray.of(new int[] {r, c}, out), "", "change.removeRow", name, index);
    }

    /** Appends a column (for a 1-D array: an element) at the end. */
    public boolean addColumn() {
        return insertColumn(value.get().cols());
    }

    /** Inserts a column (for a 1-D array: an element) before column {@code at}. */
    public boolean insertColumn(int at) {
        NDArray a = value.get();
        if (a.rank() == 0) return refuse("error.scalar");
        if (at < 0 || at > a.cols()) at = a.cols();
        int r = a.rows(), c = a.cols() + 1;
        if ((long) r * c > MAX_SIZE) return refuse("error.tooLarge", Shapes.tuple(new int[] {r, c}), (long) r * c, MAX_SIZE);
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = j < at ? a.get(i, j) : j == at ? newCell() : a.get(i, j - 1);
            }
        }
        return commit(NDArray.of(a.rank() == 1 ? new int[] {c} : new int[] {r, c}, out), "", "change.insertColumn", name, at);
    }

    /** Removes the last column (for a 1-D array: the last element). */
    public boolean removeColumn() {
        return removeColumn(value.get().cols() - 1);
    }

    /** Removes column {@code index}; the last column cannot go. */
    public boolean removeColumn(int index) {
        NDArray a = value.get();
        if (a.rank() == 0) return refuse("error.scalar");
        if (a.cols() == 1) return refuse("error.lastOne", a.shapeString());
        if (index < 0 || index >= a.cols()) index = a.cols() - 1;
        int r = a.rows(), c = a.cols() - 1;
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) out[i * c + j] = a.get(i, j < index ? j : j + 1);
        }
        return commit(NDArray.of(a.rank() == 1 ? new int[] {c} : new int[] {r, c}, out), "", "change.removeColumn", name, index);
    }

    /**
     * The lesson's central pitfall, one click away: a 1-D {@code (n,)} vector becomes a {@code (1, n)} row matrix
     * and back; a {@code (n, 1)} column also becomes {@code (n,)}. Any other matrix is refused.
     */
    public boolean toggleVectorMatrix() {
        NDArray a = value.get();
        int[] s = a.shape();
        int[] to;
        if (a.rank() == 1) to = new int[] {1, s[0]};
        else if (a.rank() == 0) to = new int[] {1};
        else if (s[0] == 1) to = new int[] {s[1]};
        else if (s[1] == 1) to = new int[] {s[0]};
        else return refuse("error.toggle", a.shapeString());
        return commit(a.reshape(to), msg("status.toggled", a.shapeString(), Shapes.tuple(to)), "change.reshape", name, Shapes.tuple(to));
    }

    /** {@code a.T}; a 1-D array is its own transpose in NumPy, which is said rather than done. */
    public boolean transpose() {
        NDArray a = value.get();
        if (a.rank() < 2) return refuse("error.transpose1d", a.shapeString());
        return commit(Np.transpose(a), msg("status.transposed", a.shapeString(), Shapes.tuple(new int[] {a.cols(), a.rows()})),
                "change.transpose", name);
    }

    // ------------------------------------------------------------------ commands: fills

    /** Every element 0 ({@code np.zeros(shape)}). */
    public boolean fillZeros() {
        return commit(NDArray.full(value.get().shape(), 0.0), "", "change.fillZeros", name);
    }

    /** Every element from {@code std * np.random.randn(*shape)}, the book's weight initialisation. */
    public boolean fillRandomNormal(double std) {
        if (!(std > 0) || !Double.isFinite(std)) return refuse("error.std", Numbers.repr(std));
        NDArray a = value.get();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = std * random.nextGaussian();
        return commit(NDArray.of(a.shape(), out), "", "change.fillRandom", name, Numbers.repr(std));
    }

    /** {@link #fillRandomNormal(double)} with {@link #randomStdProperty()}. */
    public boolean fillRandomNormal() {
        return fillRandomNormal(randomStd.get());
    }

    /** Every row of the 2-D view becomes one-hot, the 1 in a random column (a made-up target {@code t}). */
    public boolean fillOneHotRows() {
        NDArray a = value.get();
        if (a.rank() == 0) return refuse("error.scalar");
        double[] out = new double[a.size()];
        for (int r = 0; r < a.rows(); r++) out[r * a.cols() + random.nextInt(a.cols())] = 1.0;
        return commit(NDArray.of(a.shape(), out), "", "change.oneHotRows", name);
    }

    /**
     * Integer labels ({@code (n,)} or {@code (n, 1)}, each in 0 … numClasses−1) become one-hot rows
     * {@code (n, numClasses)}.
     */
    public boolean oneHotFromLabels(int numClasses) {
        NDArray a = value.get();
        if (!(a.rank() == 1 || (a.rank() == 2 && a.cols() == 1))) return refuse("error.labelsShape", a.shapeString());
        if (numClasses < 2) return refuse("error.classes", numClasses);
        int n = a.size();
        if ((long) n * numClasses > MAX_SIZE) return refuse("error.tooLarge", Shapes.tuple(new int[] {n, numClasses}), (long) n * numClasses, MAX_SIZE);
        double[] out = new double[n * numClasses];
        for (int i = 0; i < n; i++) {
            double v = a.flat(i);
            if (v != Math.rint(v) || v < 0 || v >= numClasses) {
                return refuse("error.label", name + index(a.rank() == 1 ? 0 : i, a.rank() == 1 ? i : 0), Numbers.repr(v), numClasses - 1);
            }
            out[i * numClasses + (int) v] = 1.0;
        }
        return commit(NDArray.of(new int[] {n, numClasses}, out), msg("status.oneHot", a.shapeString(), Shapes.tuple(new int[] {n, numClasses})),
                "change.oneHot", name);
    }

    /** The number of classes one-hot rows would need for the current labels: the largest label + 1 (at least 2). */
    public int suggestedClasses() {
        NDArray a = value.get();
        double max = 0;
        for (int i = 0; i < a.size(); i++) max = Math.max(max, a.flat(i));
        return (int) Math.max(2, Math.min(1000, Math.floor(max) + 1));
    }

    /** One-hot rows {@code (n, k)} become integer labels {@code (n,)} ({@code np.argmax(t, axis=1)}). */
    public boolean labelsFromOneHot() {
        NDArray a = value.get();
        if (a.rank() != 2 || a.cols() < 2) return refuse("error.oneHotShape", a.shapeString());
        double[] out = new double[a.rows()];
        for (int r = 0; r < a.rows(); r++) {
            int ones = 0, at = -1;
            for (int c = 0; c < a.cols(); c++) {
                double v = a.get(r, c);
                if (v == 1.0) {
                    ones++;
                    at = c;
                } else if (v != 0.0) {
                    ones = -1;
                    break;
                }
            }
            if (ones != 1) return refuse("error.notOneHot", name + "[" + r + "]");
            out[r] = at;
        }
        return commit(NDArray.vector(out), msg("status.labels", a.shapeString(), Shapes.tuple(new int[] {a.rows()})),
                "change.labels", name);
    }

    // ------------------------------------------------------------------ commands: clipboard

    /**
     * Pastes text (NumPy or a spreadsheet block). With no anchor ({@code anchorRow < 0}) the pasted array replaces
     * the whole array, shape and all. With an anchor cell the block is written into the array from that cell and
     * the shape is kept; a block that does not fit there is refused with the reason. A block of exactly the array's
     * 2-D shape always replaces the values (keeping the array's rank).
     */
    public boolean paste(String text, int anchorRow, int anchorCol) {
        NDArray p;
        try {
            p = ArrayText.parse(text);
        } catch (ArrayText.ParseException e) {
            return refuse("error.paste", describe(e));
        }
        NDArray a = value.get();
        if (anchorRow < 0 || anchorCol < 0) return replace(p);
        if (p.rows() == a.rows() && p.cols() == a.cols()) {
            return commit(NDArray.of(a.shape(), p.toFlatArray()), "", "change.paste", name);
        }
        if (anchorRow + p.rows() > a.rows() || anchorCol + p.cols() > a.cols()) {
            return refuse("error.pasteFit", p.rows(), p.cols(), index(anchorRow, anchorCol), a.shapeString(),
                    a.rows() - anchorRow, a.cols() - anchorCol);
        }
        double[] out = a.toFlatArray();
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.cols(); c++) out[(anchorRow + r) * a.cols() + anchorCol + c] = p.get(r, c);
        }
        return commit(NDArray.of(a.shape(), out), msg("status.pasted", p.rows(), p.cols(), index(anchorRow, anchorCol)),
                "change.paste", name);
    }

    /** Replaces the whole array by the pasted text, shape and all ({@code W1 = np.array(...)}). */
    public boolean replaceWith(String text) {
        return paste(text, -1, -1);
    }

    private boolean replace(NDArray p) {
        NDArray a = value.get();
        if (p.size() > MAX_SIZE) return refuse("error.tooLarge", p.shapeString(), p.size(), MAX_SIZE);
        String status = p.sameShape(a) ? "" : msg("status.replaced", a.shapeString(), p.shapeString());
        return commit(p, status, "change.replace", name);
    }

    // ------------------------------------------------------------------ commands: history

    /** Asks the history to take back its last change (whatever array it was made to); false when there is none. */
    public boolean undo() {
        return history != null && history.undo();
    }

    /** Asks the history to make the last undone change again; false when there is none. */
    public boolean redo() {
        return history != null && history.redo();
    }

    /** Shows a value that changed elsewhere (an undo, a training step, a quick fix); calls no listener. */
    public void load(NDArray newValue) {
        clearMessages();
        value.set(Objects.requireNonNull(newValue));
    }

    // ------------------------------------------------------------------ internals

    private boolean commit(NDArray next, String status, String changeKey, Object... changeArgs) {
        NDArray old = value.get();
        if (next.equals(old)) {
            clearMessages();
            return true;
        }
        errorMessage.set("");
        statusMessage.set(status);
        value.set(next);
        onCommit.accept(new Edit(next, changeKey, List.of(changeArgs)));
        return true;
    }

    private double newCell() {
        return newCells.get() == NewCells.RANDOM ? randomStd.get() * random.nextGaussian() : 0.0;
    }

    private NDArray resized(NDArray a, int[] shape) {
        int r = shape.length == 2 ? shape[0] : 1;
        int c = shape.length == 0 ? 1 : shape[shape.length - 1];
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) out[i * c + j] = i < a.rows() && j < a.cols() ? a.get(i, j) : newCell();
        }
        return NDArray.of(shape, out);
    }

    private boolean refuse(String key, Object... args) {
        statusMessage.set("");
        errorMessage.set(msg(key, args));
        return false;
    }

    /** A message from the bundle, {@link MessageFormat} style. */
    String msg(String key, Object... args) {
        return text.msg(key, args);
    }

    /** A parse problem in the bundle's language. */
    String describe(ArrayText.ParseException e) {
        return text.describe(e);
    }
}
