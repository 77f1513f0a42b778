package org.backpropviz.app.view;

import org.backpropviz.text.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.shell.Presets;
import org.backpropviz.app.model.CodePaneModel;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.Trace;

/**
 * The window's content: menus, the stepping toolbar, the graph with its error callout, the inspector beside the
 * graph when a node is selected, and a status line saying what the next step is. Owns the keyboard shortcuts.
 */
public class MainView extends BorderPane {
    private final GraphViewModel model;
    private final Messages text;
    private final Disposer disposer = new Disposer();
    private final GraphView graph;
    private final InspectorView inspector;
    private final SplitPane split = new SplitPane();
    private final CodePaneModel code;
    private final CodePaneView codePane;
    private final SplitPane graphAndCode = new SplitPane();
    private final Label status = new Label();
    private final Label notice = new Label();
    private final Label about = new Label();
    private final Label hint = new Label();
    private final javafx.scene.control.Tooltip noticeTip = new javafx.scene.control.Tooltip();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final TabPane tabs = new TabPane();
    private final Tab graphTab = new Tab();
    private MenuBar menuBar;
    private Consumer<Node> onEditNode = n -> { };
    /** The matrix editors docked under the graph, a tab each; the code pane steps aside while there is one. */
    private final TabPane dock = new TabPane();
    private boolean codeBeforeDock;

    /**
     * @param onPreset loads a preset by name
     * @param onLanguage switches the language (the window rebuilds its content)
     */
    public MainView(GraphViewModel model, Messages text, Consumer<String> onPreset, Consumer<Locale> onLanguage) {
        this(model, text, onPreset, onLanguage, List.of());
    }

    /**
     * @param tools more views shown as tabs after the graph (training, gradient check, playground); with none, the
     *     graph fills the window
     */
    public MainView(GraphViewModel model, Messages text, Consumer<String> onPreset, Consumer<Locale> onLanguage,
                    List<Tab> tools) {
        this.model = model;
        this.text = text;
        setId("main");
        getStyleClass().add("main-view");
        getStylesheets().add(MainView.class.getResource("/org/backpropviz/app/base.css").toExternalForm());
        getStylesheets().add(MainView.class.getResource("main.css").toExternalForm());
        var languageCss = MainView.class.getResource("/org/backpropviz/app/lang-" + text.locale().getLanguage() + ".css");
        if (languageCss != null) getStylesheets().add(languageCss.toExternalForm());
        graph = new GraphView(model, text, disposer);
        inspector = new InspectorView(model, text, disposer);
        code = new CodePaneModel(model.traceProperty());
        disposer.onDispose(code::dispose);
        codePane = new CodePaneView(code, text, disposer);
        layOutGraphAndCode();
        dock.setId("editor-dock");
        dock.getStyleClass().add("editor-dock");
        dock.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        // a window made narrower narrows the inspector to its width for that window too, not only the graph
        disposer.listen(split.widthProperty(), (o, was, w) -> {
            if (w.doubleValue() >= was.doubleValue() || !split.getItems().contains(inspector)) return;
            javafx.application.Platform.runLater(() -> {
                double[] at = split.getDividerPositions();
                double want = inspectorDivider(split.getWidth());
                if (at.length > 0 && at[0] < want) split.setDividerPosition(0, want);
            });
        });
        // the pane under the graph (editors, code) keeps its height when the window shrinks; the graph keeps half
        disposer.listen(graphAndCode.heightProperty(), (o, was, h) -> {
            if (h.doubleValue() >= was.doubleValue()) return;
            javafx.application.Platform.runLater(() -> { // after the split pane has shared out the new height
                double[] at = graphAndCode.getDividerPositions();
                if (at.length > 0 && at[0] < 0.5) graphAndCode.setDividerPosition(0, 0.5);
            });
        });
        split.getItems().add(graphAndCode);
        split.setId("split");
        ToolbarView toolbar = toolbar();
        HBox bar = statusBar();
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        if (tools.isEmpty()) {
            setTop(new VBox(menus(onPreset, onLanguage), toolbar));
            setCenter(split);
            setBottom(bar);
        } else {
            setTop(menus(onPreset, onLanguage));
            graphTab.setText(text.get("tab.graph"));
            graphTab.setId("tab-graph");
            graphTab.setClosable(false);
            graphTab.setContent(new BorderPane(split, toolbar, null, bar, null));
            tabs.getTabs().add(graphTab);
            // behind another tab (a training run follows the graph every frame), the graph waits until it shows
            graph.shownProperty().bind(graphTab.selectedProperty());
            inspector.shownProperty().bind(graphTab.selectedProperty());
            tabs.getTabs().addAll(tools);
            tabs.setId("tabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            setCenter(tabs);
        }

        followTheModel();
        javafx.application.Platform.runLater(graph::requestFocus);
        showAbout();
        updateStatus();
        showNotice(model.noticeProperty().get());
        showInspector(model.selectedProperty().get() != null);
    }

    /** The code pane under the graph (its model says whether it is shown). */
    public CodePaneView codePane() {
        return codePane;
    }

    private void showCode(boolean on) {
        if (on && !graphAndCode.getItems().contains(codePane)) {
            graphAndCode.getItems().add(codePane);
            double h = graphAndCode.getHeight();
            graphAndCode.setDividerPositions(h > 0 ? Math.max(0.5, 1 - (h < 600 ? 170 : 210) / h) : 0.7);
        } else if (!on) {
            graphAndCode.getItems().remove(codePane);
        }
    }

    /**
     * Docks a matrix editor under the graph as a tab of the editors' dock and selects it (a tab already docked is
     * only selected). The code pane steps aside while the dock has a tab, so the graph keeps its height; it comes back
     * when the last tab goes.
     */
    public void dock(Tab editor) {
        if (!dock.getTabs().contains(editor)) {
            boolean first = dock.getTabs().isEmpty();
            dock.getTabs().add(editor);
            if (first) showDock(true);
        }
        dock.getSelectionModel().select(editor);
    }

    /** Takes an editor's tab out of the dock (closed, or moved to its own window). */
    public void undock(Tab editor) {
        if (!dock.getTabs().remove(editor)) return;
        if (dock.getTabs().isEmpty()) showDock(false);
    }

    private void showDock(boolean on) {
        if (!on) {
            graphAndCode.getItems().remove(dock);
            if (codeBeforeDock) code.shownProperty().set(true);
            return;
        }
        codeBeforeDock = code.shownProperty().get();
        code.shownProperty().set(false);
        SplitPane.setResizableWithParent(dock, false);
        graphAndCode.getItems().add(1, dock);
        double h = graphAndCode.getHeight();
        graphAndCode.setDividerPositions(h > 0 ? Math.max(0.5, 1 - (h < 650 ? 280 : 350) / h) : 0.6); // a small window keeps the graph half
    }

    /** Whether the user wants the code pane shown (a docked editor hides it only while it is docked). */
    public boolean codeWanted() {
        return dock.getTabs().isEmpty() ? code.shownProperty().get() : codeBeforeDock;
    }

    /** The docked matrix editor in sight (the selected tab's), or null. */
    public javafx.scene.Node docked() {
        Tab t = dock.getSelectionModel().getSelectedItem();
        return t == null || !dock.getTabs().contains(t) ? null : t.getContent();
    }

    /** The editors' dock under the graph: one tab per docked editor. */
    public TabPane dockPane() {
        return dock;
    }

    public GraphView graph() {
        return graph;
    }

    /** The graph tab (null when the graph fills the window). */
    public Tab graphTab() {
        return tabs.getTabs().isEmpty() ? null : graphTab;
    }

    /** Puts a menu into the menu bar at {@code index} (the window's File menu goes first). */
    public void addMenu(int index, Menu menu) {
        menuBar.getMenus().add(index, menu);
    }

    /** What a double click on an input or parameter node, or Enter on the selected one, does: open its editor. */
    public void setOnEditNode(Consumer<Node> action) {
        onEditNode = action == null ? n -> { } : action;
    }

    /** Removes this view's listeners from the model; call before throwing the view away. */
    public void dispose() {
        disposer.dispose();
    }

    private MenuBar menus(Consumer<String> onPreset, Consumer<Locale> onLanguage) {
        Menu presets = new Menu(text.get("menu.presets"));
        presets.setId("menu-presets");
        for (String name : Presets.available()) {
            MenuItem item = new MenuItem(text.has("preset." + name) ? text.get("preset." + name) : name);
            item.setId("preset-" + name);
            item.setOnAction(e -> onPreset.accept(name));
            presets.getItems().add(item);
        }
        Menu view = new Menu(text.get("menu.view"));
        MenuItem fit = new MenuItem(text.get("menu.fit"));
        fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        fit.setOnAction(e -> graph.fit());
        MenuItem zoomIn = new MenuItem(text.get("menu.zoomIn"));
        zoomIn.setAccelerator(KeyCombination.keyCombination("Shortcut+EQUALS"));
        zoomIn.setOnAction(e -> graph.zoomBy(1.2));
        MenuItem zoomOut = new MenuItem(text.get("menu.zoomOut"));
        zoomOut.setAccelerator(KeyCombination.keyCombination("Shortcut+MINUS"));
        zoomOut.setOnAction(e -> graph.zoomBy(1 / 1.2));
        MenuItem inspect = new MenuItem(text.get("menu.closeInspector"));
        inspect.setAccelerator(KeyCombination.keyCombination("Esc"));
        inspect.setOnAction(e -> model.selectedProperty().set(null));
        CheckMenuItem showCode = new CheckMenuItem(text.get("menu.codePane"));
        showCode.setId("menu-code-pane");
        showCode.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        showCode.selectedProperty().bindBidirectional(code.shownProperty());
        view.getItems().addAll(fit, zoomIn, zoomOut, new SeparatorMenuItem(), inspect, showCode);
        Menu language = new Menu(text.get("menu.language"));
        language.setId("menu-language");
        // each language is named in itself: 한국어 needs the shipped Korean font even in the English window
        language.setOnShowing(e -> org.backpropviz.app.control.Fonts.load());
        ToggleGroup group = new ToggleGroup();
        for (Locale l : Messages.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(text.get("language." + l.getLanguage()));
            item.setId("language-" + l.getLanguage());
            item.getStyleClass().add("language-" + l.getLanguage()); // its own name, in a font that has its letters
            item.setToggleGroup(group);
            item.setSelected(l.getLanguage().equals(text.locale().getLanguage()));
            item.setOnAction(e -> onLanguage.accept(l));
            language.getItems().add(item);
        }
        MenuBar bar = new MenuBar(presets, view, language);
        bar.setId("menubar");
        menuBar = bar;
        return bar;
    }

    /** What the example is about: the preset's text in the user's language, else the scenario's own description. */
    private void showAbout() {
        String preset = model.presetProperty().get();
        String key = "preset." + preset + ".about";
        boolean edited = model.isEdited(); // the description says so in the language of the edit: say it in this one
        String t = preset != null && text.has(key) && !edited ? text.get(key)
                : edited ? text.get("description.edited", preset != null && text.has("preset." + preset) ? text.get("preset." + preset)
                        : inThisLanguage(model.getScenario().name())) // the example's name as the title and the menu word it
                : inThisLanguage(model.getScenario().description());
        about.setText(t);
        about.setVisible(!t.isEmpty());
        about.setManaged(!t.isEmpty());
    }

    /** A scenario's name or description, in this window's language when the window generated it (a trained net's). */
    private String inThisLanguage(String s) {
        var from = model.generatedFrom(s);
        return from == null ? s : text.get(from);
    }

    /** Where the inspector begins: 300 px wide in a window under 1200 px, else 360, and the graph keeps 55 %. */
    private static double inspectorDivider(double width) {
        return width > 0 ? Math.max(0.55, 1 - (width < 1200 ? 300 : 360) / width) : 0.72;
    }

    private void showInspector(boolean on) {
        if (on && !split.getItems().contains(inspector)) {
            split.getItems().add(inspector);
            split.setDividerPositions(inspectorDivider(getWidth()));
        } else if (!on) {
            split.getItems().remove(inspector);
        }
    }

    /** The graph with the about line above and the callout below, split from the code pane. */
    private void layOutGraphAndCode() {
        CalloutView callout = new CalloutView(model, text, disposer);
        VBox graphArea = new VBox(graph, callout);
        graphArea.getStyleClass().add("graph-area");
        VBox.setVgrow(graph, Priority.ALWAYS);
        about.setId("about");
        about.getStyleClass().add("about");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        about.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(about, Priority.NEVER);
        graphArea.getChildren().add(0, about);
        SplitPane.setResizableWithParent(codePane, false);
        graphAndCode.setOrientation(javafx.geometry.Orientation.VERTICAL);
        graphAndCode.setId("graph-and-code");
        graphAndCode.getItems().add(graphArea);
        disposer.listen(code.shownProperty(), (o, a, on) -> showCode(on));
        showCode(code.shownProperty().get());
    }

    /** The stepping toolbar with the code pane's toggle. */
    private ToolbarView toolbar() {
        ToolbarView toolbar = new ToolbarView(model, text, disposer);
        ToggleButton codeToggle = new ToggleButton(text.get("toolbar.code"));
        codeToggle.setId("code-toggle");
        codeToggle.setTooltip(new javafx.scene.control.Tooltip(text.get("tip.code")));
        codeToggle.setFocusTraversable(false);
        codeToggle.selectedProperty().bindBidirectional(code.shownProperty());
        toolbar.getItems().addAll(new javafx.scene.control.Separator(), codeToggle);
        return toolbar;
    }

    /** Keeps the status, notice, about line and inspector up to date, and the keys on the scene. */
    private void followTheModel() {
        disposer.listen(model.traceProperty(), (o, a, b) -> updateStatus());
        disposer.listen(model.readyProperty(), (o, a, b) -> updateStatus());
        disposer.listen(model.followingProperty(), (o, a, b) -> updateStatus());
        graph.setOnEditNode(n -> onEditNode.accept(n));
        disposer.listen(model.noticeProperty(), (o, a, n) -> showNotice(n));
        model.setEditedDescription(text.locale(), name -> text.get("description.edited", name));
        disposer.listen(model.presetProperty(), (o, a, n) -> showAbout());
        disposer.listen(model.scenarioProperty(), (o, a, n) -> showAbout());
        disposer.listen(model.selectedProperty(), (o, a, id) -> showInspector(id != null));
        disposer.listen(sceneProperty(), (o, before, now) -> {
            if (before != null) before.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            if (now != null) now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        });
        disposer.onDispose(() -> {
            if (getScene() != null) getScene().removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        });
    }

    /**
     * The status line: what the next step is (wrapping to a second line rather than being cut, so that NumPy's
     * message is always whole), the last notice, and the key hint, which gives way first and shows whole in its
     * tooltip.
     */
    private HBox statusBar() {
        status.setId("status");
        status.getStyleClass().add("status");
        status.setWrapText(true);
        status.setMinWidth(200);
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.setMinWidth(0);
        hint.setId("status-hint");
        hint.setText(text.get("status.hint"));
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        hint.setPrefWidth(0); // takes only the room the status and the notice leave
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setTooltip(new javafx.scene.control.Tooltip(hint.getText()));
        return new HBox(12, status, notice, hint);
    }

    private void updateStatus() {
        Trace t = model.getTrace();
        String count = text.get("status.count", t.stepsDone(), t.network().steps().size());
        String what;
        if (model.isFollowing()) {
            what = text.get("status.following");
        } else if (t.error().isPresent()) {
            var e = t.error().get();
            // NumPy's own message is part of the status (it wraps rather than being cut)
            what = text.get(e.isLimitError() ? "status.limit" : "status.error", NetGraph.of(t.network()).node(e.node()).title(),
                    text.get("phase." + e.phase().id()), e.message());
        } else if (t.next().isPresent() && model.canStep()) {
            var s = t.next().get();
            what = text.get("status.next", NetGraph.of(t.network()).node(s.node()).title(), text.get("phase." + s.phase().id()));
        } else if (!model.isReady()) {
            what = text.get("status.computing");
        } else {
            what = text.get("status.complete", t.loss().map(Numbers::repr).orElse("?"));
        }
        status.setText(what + "   ·   " + count);
        status.pseudoClassStateChanged(NodeView.MISMATCH, t.error().isPresent());
    }

    private void showNotice(GraphViewModel.Notice n) {
        if (n != null && n.key().equals("notice.fixed") && !n.args().isEmpty()) {
            List<Object> a = n.args();
            notice.setText(text.get(n.key(), text.get((String) a.get(0), a.subList(1, a.size()).toArray())));
        } else if (n != null && n.args().size() == 2 && n.args().get(1) instanceof List<?> changeArgs) {
            notice.setText(text.get(n.key(), text.get((String) n.args().get(0), changeArgs.toArray()))); // a named change
        } else {
            notice.setText(n == null ? "" : text.get(n.key(), n.args().toArray()));
        }
        notice.pseudoClassStateChanged(NodeView.MISMATCH, n != null && n.error());
        noticeTip.setText(notice.getText());
        notice.setTooltip(notice.getText().isEmpty() ? null : noticeTip);
        // a problem (a file that cannot be opened, say) gets the whole line: the key hints step aside
        boolean problem = n != null && n.error();
        hint.setVisible(!problem);
        hint.setManaged(!problem);
    }

    private void changeSpeed(int by) {
        int max = GraphViewModel.SPEED_MILLIS.length - 1;
        model.speedProperty().set(Math.max(0, Math.min(max, model.speedProperty().get() + by)));
    }

    /** The tab pane when tools are hosted (for selecting a tab), else null. */
    public TabPane tabs() {
        return tabs.getTabs().isEmpty() ? null : tabs;
    }

    private Node selectedParam() {
        String id = model.selectedProperty().get();
        if (id == null) return null;
        Node n = NetGraph.of(model.getScenario().inputs().network()).find(id).orElse(null);
        return n != null && n.param().isPresent() ? n : null;
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) return;
        for (var n = e.getTarget() instanceof javafx.scene.Node t ? t : null; n != null; n = n.getParent()) {
            if (n == dock) return; // the docked editor's grid does its own keys (arrows move between cells)
        }
        if (!tabs.getTabs().isEmpty() && !graphTab.isSelected()) return; // the graph's keys work on the graph's tab only
        KeyCode k = e.getCode();
        boolean plain = !e.isShortcutDown() && !e.isAltDown();
        Runnable action = null;
        if (plain && (k == KeyCode.RIGHT || k == KeyCode.SPACE)) action = model::step;
        else if (plain && k == KeyCode.LEFT) action = model::back;
        else if (k == KeyCode.F5 || k == KeyCode.ENTER && e.isShortcutDown()) action = model::runPass;
        else if (plain && k == KeyCode.P) action = model::togglePlay;
        else if (plain && (k == KeyCode.HOME || k == KeyCode.R)) action = model::reset;
        else if (plain && k == KeyCode.U) action = model::sgdUpdate;
        else if (plain && (k == KeyCode.OPEN_BRACKET || k == KeyCode.MINUS)) action = () -> changeSpeed(-1);
        else if (plain && (k == KeyCode.CLOSE_BRACKET || k == KeyCode.EQUALS || k == KeyCode.PLUS)) action = () -> changeSpeed(1);
        else if (plain && k == KeyCode.L) action = () -> lookup("#lr").requestFocus();
        else if (plain && k == KeyCode.ENTER && !e.isShiftDown() && selectedParam() != null) {
            Node n = selectedParam();
            action = () -> onEditNode.accept(n);
        }
        if (action != null) {
            action.run();
            e.consume();
        }
    }
}
