package org.backpropviz.app.shell;

import org.backpropviz.app.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The questions the File menu asks: which file to open or write, and whether to save unsaved changes. The window
 * uses {@link #standard}; tests pass their own answers (a file chooser cannot be driven headless).
 */
public interface FileDialogs {
    /** What a file holds, for the chooser's filter. */
    enum Kind { SCENARIO("json"), PNG("png"), NUMPY("py");
        final String extension;
        Kind(String extension) { this.extension = extension; }
    }

    /** The answer to "save changes first?". */
    enum Choice { SAVE, DISCARD, CANCEL }

    /** A file to open, or null when the user cancelled. */
    Path chooseOpen(Window owner, Messages text, Path folder);

    /** A file to write, or null when the user cancelled. */
    Path chooseSave(Window owner, Messages text, Kind kind, Path folder, String suggestedName);

    /** Asks whether to save the changes of {@code name} before they are replaced. */
    Choice askSave(Window owner, Messages text, String name);

    /** JavaFX's file chooser and a three-button alert. */
    static FileDialogs standard() {
        return new FileDialogs() {
            @Override
            public Path chooseOpen(Window owner, Messages text, Path folder) {
                FileChooser c = chooser(text, Kind.SCENARIO, folder);
                c.setTitle(text.get("dialog.open"));
                File f = c.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path chooseSave(Window owner, Messages text, Kind kind, Path folder, String suggestedName) {
                FileChooser c = chooser(text, kind, folder);
                c.setTitle(text.get("dialog.save." + kind.extension));
                c.setInitialFileName(suggestedName);
                File f = c.showSaveDialog(owner);
                if (f == null) return null;
                Path p = f.toPath();
                return p.getFileName().toString().contains(".") ? p : p.resolveSibling(p.getFileName() + "." + kind.extension);
            }

            @Override
            public Choice askSave(Window owner, Messages text, String name) {
                ButtonType save = new ButtonType(text.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
                ButtonType discard = new ButtonType(text.get("dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
                ButtonType cancel = new ButtonType(text.get("dialog.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
                Alert a = new Alert(Alert.AlertType.CONFIRMATION, text.get("dialog.unsaved.text", name), save, discard, cancel);
                a.initOwner(owner);
                a.setTitle(text.get("app.title"));
                a.setHeaderText(text.get("dialog.unsaved.header", name));
                a.getDialogPane().setId("unsaved-dialog");
                DialogLook.apply(a.getDialogPane(), text);
                Optional<ButtonType> b = a.showAndWait();
                if (b.isEmpty() || b.get() == cancel) return Choice.CANCEL;
                return b.get() == save ? Choice.SAVE : Choice.DISCARD;
            }

            private FileChooser chooser(Messages text, Kind kind, Path folder) {
                FileChooser c = new FileChooser();
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("dialog.filter." + kind.extension),
                        "*." + kind.extension));
                if (folder != null && folder.toFile().isDirectory()) c.setInitialDirectory(folder.toFile());
                return c;
            }
        };
    }
}
