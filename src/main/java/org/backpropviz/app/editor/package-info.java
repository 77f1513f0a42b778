/**
 * The matrix editor (issue 4): a grid of one array's values with shape tools, fills, clipboard and undo.
 *
 * <p>For the main window:
 * <pre>{@code
 * MatrixEditorWindow w = MatrixEditorWindow.open(ownerStage, "W1", currentW1,
 *         newW1 -> reevaluateWith("W1", newW1),           // yours: every committed edit, undo, redo; FX thread
 *         MatrixEditorModel.bundle(locale));
 * w.getModel().load(updatedW1);                            // a value changed elsewhere (no callback, history cleared)
 * }</pre>
 *
 * <ul>
 *   <li>{@link org.backpropviz.app.editor.MatrixEditorModel}: the state and every command; no nodes.</li>
 *   <li>{@link org.backpropviz.app.editor.MatrixEditorView}: a BorderPane showing a model; usable in any window.</li>
 *   <li>{@link org.backpropviz.app.editor.MatrixEditorWindow}: a non-modal stage hosting the view.</li>
 *   <li>{@code CellGrid} (ControlsFX SpreadsheetView; a window of columns for wide arrays) and {@code Heatmap}:
 *       package-private parts of the view.</li>
 * </ul>
 * Strings: {@code editor.properties}, {@code editor_ko.properties}; styles: {@code editor.css} ({@code :error}).
 */
package org.backpropviz.app.editor;
