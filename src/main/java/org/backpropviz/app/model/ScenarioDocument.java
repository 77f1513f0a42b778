package org.backpropviz.app.model;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.backpropviz.app.concurrent.IoThread;
import org.backpropviz.scenario.SafeFiles;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioException;
import org.backpropviz.scenario.ScenarioFormat;

/**
 * The graph's scenario as a document: the file it came from (or none), whether it has unsaved changes, the recent
 * files, and the autosave that brings the scenario back at the next start. Reading and writing run on one I/O
 * thread; results are applied on the JavaFX thread, where every method is called.
 *
 * <p>"Unsaved" means: the graph's scenario differs from the one last opened, saved or loaded from a preset. Files
 * live under {@link #home()}: {@code autosave.json}, {@code session.properties} (the autosave's file), {@code recent.txt}.
 * An autosave that cannot be read is renamed {@code autosave.broken-TIME.json} before anything replaces it.
 *
 * <p>Whatever goes wrong in a task of the I/O thread, an {@link Error} such as OutOfMemoryError included, ends in
 * one line in the status line, and the thread goes on with the next task. At start, the temporary files that
 * interrupted saves left in the home and in the recent files' folders are removed (on an {@link IoThread} of their
 * own: a folder that does not answer must not hold up an Open or the autosave).
 */
public final class ScenarioDocument {
    /** How many recent files the menu lists. */
    public static final int MAX_RECENT = 8;
    /** How long after the last change the autosave is written. */
    public static final Duration AUTOSAVE_DELAY = Duration.seconds(1);

    /** The most this app reads from {@code session.properties} or {@code recent.txt}. */
    private static final long SMALL_FILE = 64 * 1024;

    /**
     * What the app restored at start: the scenario, the file it belongs to; when the autosave was bad, why
     * ({@code problem}) and where it was kept ({@code keptAs}), or why it could not be kept ({@code keepProblem}).
     */
    public record Restored(Scenario scenario, Path file, Scenario saved, String preset, String problem, Path keptAs,
                           String keepProblem) {
        Restored(Scenario scenario, Path file, Scenario saved, String preset) {
            this(scenario, file, saved, preset, null, null, null);
        }
    }

    private final GraphViewModel graph;
    private final Path home;
    private final IoThread io = new IoThread("backpropviz-io");
    /** Removes stale temporary files, apart from {@link #io}: a folder that does not answer must not hold up an Open. */
    private final IoThread cleanup = new IoThread("backpropviz-cleanup");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh unmodifiable wrapper per call would drop its listeners when collected. */
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final PauseTransition autosaveTimer = new PauseTransition(AUTOSAVE_DELAY);
    private Scenario saved;

    /**
     * @param graph the graph whose scenario this document is; it already shows {@code saved}'s or the autosave's scenario
     * @param home the folder for the autosave and the recent files (created when first written)
     * @param file the file the scenario belongs to, or null
     * @param saved the scenario as last opened or saved (the reference for "unsaved changes")
     */
    public ScenarioDocument(GraphViewModel graph, Path home, Path file, Scenario saved) {
        this.graph = graph;
        this.home = home;
        this.file.set(file);
        this.saved = saved;
        recent.setAll(readRecent(home));
        removeStaleTemps();
        autosaveTimer.setOnFinished(e -> autosave());
        graph.scenarioProperty().addListener((o, a, s) -> {
            updateDirty();
            autosaveTimer.playFromStart();
        });
        updateDirty();
    }

    /** The folder of {@code -Dbackpropviz.home}, else {@code ~/.backpropviz}. */
    public static Path defaultHome() {
        return org.backpropviz.launch.Home.get();
    }

    /**
     * Reads the autosave under {@code home} (synchronously: called once before the window shows, off the JavaFX
     * thread when the app is launched). Returns null when there is none; a {@code Restored} with a {@code problem}
     * and no scenario when it cannot be read, after renaming it {@code autosave.broken-TIME.json} so that the next
     * autosave does not replace it.
     */
    public static Restored restore(Path home) {
        Path auto = home.resolve("autosave.json");
        if (!Files.exists(auto)) return null; // a link to nothing yet: the autosave writes where it points
        Scenario s;
        try {
            s = ScenarioFormat.read(auto);
        } catch (ScenarioException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return keepAside(home, auto, describe(e));
        }
        Path f = null;
        Scenario savedVersion = null;
        String preset = null;
        try {
            java.util.Properties p = new java.util.Properties();
            Path session = home.resolve("session.properties");
            if (Files.exists(session)) {
                p.load(new StringReader(new String(SafeFiles.readAll(session, SMALL_FILE), StandardCharsets.UTF_8)));
            }
            preset = p.getProperty("preset");
            if (p.getProperty("file") != null) {
                f = Path.of(p.getProperty("file"));
                try {
                    savedVersion = ScenarioFormat.read(f);
                } catch (ScenarioException | RuntimeException | OutOfMemoryError e) {
                    savedVersion = null; // the file went away or changed: the restored scenario counts as unsaved
                }
            } else if (preset != null && "true".equals(p.getProperty("clean"))) {
                savedVersion = s;
            }
        } catch (ScenarioException | IOException | RuntimeException e) {
            f = null;
        }
        return new Restored(s, f, savedVersion, preset);
    }

    /** Renames the unreadable autosave {@code autosave.broken-TIME.json}: a rename, instant for any size and any kind of file. */
    private static Restored keepAside(Path home, Path auto, String problem) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        for (int i = 1; ; i++) {
            Path aside = home.resolve("autosave.broken-" + time + (i == 1 ? "" : "-" + i) + ".json");
            try {
                Files.move(auto, aside); // never over an existing file
                return new Restored(null, null, null, null, problem, aside.toAbsolutePath(), null);
            } catch (FileAlreadyExistsException e) {
                if (i < 100) continue;
                return new Restored(null, null, null, null, problem, null, describe(e));
            } catch (IOException | RuntimeException e) {
                // a home we cannot write to: the autosave cannot replace it either
                return new Restored(null, null, null, null, problem, null, describe(e));
            }
        }
    }

    /** One line for the status line about anything that went wrong on the I/O thread, errors included. */
    public static String describe(Throwable e) {
        if (e instanceof ScenarioException) return e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return "not enough memory (the app may use at most " + String.format(Locale.ROOT, "%,d", Runtime.getRuntime().maxMemory() >> 20)
                    + " MB)";
        }
        if (e instanceof StackOverflowError) return "the work nested too deeply (stack overflow)";
        if (e instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof NoSuchFileException n) return "no such file or folder: " + n.getFile();
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getFile() + ": " + f.getReason();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    // ------------------------------------------------------------------ properties

    public Path home() { return home; }

    /** The file the scenario was opened from or saved to, or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public Path getFile() { return file.get(); }

    /** True when the scenario differs from the one last opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public boolean isDirty() { return dirty.get(); }

    /** The recent files, newest first. */
    public ObservableList<Path> recent() { return recentView; }

    /** The name the title shows: the file's name, else the scenario's name, else "" (untitled). */
    public String displayName() {
        if (file.get() != null) return file.get().getFileName().toString();
        return graph.getScenario().name();
    }

    /**
     * The name the title and the dialogs show, in {@code text}'s language: the file's name; else an example's name as
     * the Presets menu words it, or a name the window generated (a trained network's) rendered again; else the
     * scenario's own name ("" when it has none).
     */
    public String displayName(org.backpropviz.app.i18n.Messages text) {
        if (file.get() != null) return displayName();
        String preset = graph.presetProperty().get();
        if (preset != null && text.has("preset." + preset)) return text.get("preset." + preset);
        org.backpropviz.app.i18n.Msg generated = graph.generatedFrom(graph.getScenario().name());
        return generated != null ? text.get(generated) : graph.getScenario().name();
    }

    // ------------------------------------------------------------------ commands

    /** Shows a scenario that belongs to no file (a preset, a new scenario), as unchanged. */
    public void replace(Scenario s, String presetName) {
        saved = s;
        file.set(null);
        if (presetName != null) graph.loadPreset(presetName, s);
        else graph.load(s);
        updateDirty();
    }

    /**
     * Reads {@code p} on the I/O thread and shows it. A bad file is reported in the status line with the format's
     * message and the current scenario is kept. Completes (on the FX thread) with true when the file was opened.
     */
    public CompletableFuture<Boolean> open(Path p) {
        return io.run(() -> ScenarioFormat.read(p), s -> {
            saved = s;
            file.set(p);
            graph.selectedProperty().set(null);
            graph.load(s);
            graph.history().clear(); // a file's history starts with it
            updateDirty();
            addRecent(p);
            graph.say("notice.opened", List.of(p.getFileName().toString()), false);
        }, e -> graph.say("notice.openFailed", List.of(name(p), describe(e)), true));
    }

    /** Writes the current scenario to {@code p} (atomically) and makes it the document's file. */
    public CompletableFuture<Boolean> save(Path p) {
        Scenario s = graph.getScenario();
        return io.run(() -> {
            ScenarioFormat.write(s, p);
            return s;
        }, written -> {
            saved = written;
            file.set(p);
            updateDirty();
            addRecent(p);
            writeSession();
            graph.say("notice.saved", List.of(p.getFileName().toString()), false);
        }, e -> graph.say("notice.saveFailed", List.of(name(p), describe(e)), true));
    }

    /** Writes {@code content} to {@code p} on the I/O thread (an export); says in the status line how it went. */
    public CompletableFuture<Boolean> export(Path p, IoWork content) {
        return io.run(() -> {
            content.write(p);
            return p;
        }, written -> graph.say("notice.exported", List.of(p.getFileName().toString()), false),
                e -> graph.say("notice.saveFailed", List.of(name(p), describe(e)), true));
    }

    /** Writing one file, on the I/O thread. */
    @FunctionalInterface
    public interface IoWork {
        void write(Path p) throws IOException;
    }

    /** Writes the autosave now (it is otherwise written a second after the last change). */
    public void autosave() {
        autosaveTimer.stop();
        Scenario s = graph.getScenario();
        String session = sessionText();
        io.run(() -> {
            Files.createDirectories(home);
            ScenarioFormat.write(s, home.resolve("autosave.json"));
            writeAtomically(home.resolve("session.properties"), session);
            return home;
        }, written -> { }, e -> graph.say("notice.autosaveFailed", List.of(describe(e)), true));
    }

    /** Writes the autosave and waits for the I/O thread to finish (at most a few seconds); for closing the app. */
    public void close() {
        autosave();
        io.close(5);
    }

    // ------------------------------------------------------------------ internals

    private void updateDirty() {
        dirty.set(!Objects.equals(graph.getScenario(), saved));
    }

    private String sessionText() {
        StringBuilder b = new StringBuilder("# Backprop Visualizer: what autosave.json belongs to\n");
        if (file.get() != null) b.append("file=").append(escape(file.get().toAbsolutePath().toString())).append('\n');
        String preset = graph.presetProperty().get();
        if (preset != null) b.append("preset=").append(escape(preset)).append('\n');
        if (!dirty.get()) b.append("clean=true\n");
        return b.toString();
    }

    private void writeSession() {
        String text = sessionText();
        io.run(() -> {
            writeAtomically(home.resolve("session.properties"), text);
            return text;
        }, written -> { }, e -> { }); // on failure, the next autosave tries again
    }

    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\\' || c == ':' || c == '=' || c == '#' || c == '!') b.append('\\');
            if (c > 126) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private void addRecent(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.add(0, abs);
        while (recent.size() > MAX_RECENT) recent.remove(recent.size() - 1);
        List<String> lines = recent.stream().map(Path::toString).toList();
        io.run(() -> {
            writeAtomically(home.resolve("recent.txt"), String.join("\n", lines) + "\n");
            return lines;
        }, written -> { }, e -> { }); // on failure, the list is rewritten with the next file opened or saved
    }

    private static List<Path> readRecent(Path home) {
        List<Path> out = new ArrayList<>();
        try {
            Path f = home.resolve("recent.txt");
            if (Files.exists(f)) {
                for (String line : new String(SafeFiles.readAll(f, SMALL_FILE), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && out.size() < MAX_RECENT) out.add(Path.of(line.trim()));
                }
            }
        } catch (ScenarioException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** Removes the temporary files of interrupted saves from the home and the folders of the file and the recent files. */
    private void removeStaleTemps() {
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(home.toAbsolutePath());
        List<Path> files = new ArrayList<>(recent);
        if (file.get() != null) files.add(file.get());
        for (Path f : files) {
            Path parent = f.toAbsolutePath().getParent();
            if (parent != null) folders.add(parent);
        }
        cleanup.execute(() -> folders.forEach(SafeFiles::removeStaleTemps));
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }

    private static void writeAtomically(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
