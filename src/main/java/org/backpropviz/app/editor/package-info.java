/**
 * The matrix editor (issue 4): a grid of one array's values with shape tools, fills and clipboard.
 *
 * <p>For the main window:
 * <pre>{@code
 * MatrixEditorModel m = new MatrixEditorModel("W1", currentW1, new Messages(locale));
 * m.setOnCommit(edit -> record(edit.value(), edit.key(), edit.args())); // yours: every committed edit, named; FX thread
 * m.setHistory(scenarioHistory);   // undo and redo go there: the editor keeps no history of its own
 * MatrixEditorView v = new MatrixEditorView(m);                         // dock it, or MatrixEditorWindow.host(...)
 * m.load(updatedW1);                                                   // a value changed elsewhere (no callback)
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
