package org.backpropviz.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowJvmTest {
    /** This JVM's runtime: the plan needs a real {@code bin/java}. */
    private static final String JDK = System.getProperty("java.home");

    @TempDir
    Path dir;

    /** The parts of ProcessHandle.Info the plan reads: this JVM's own arguments. */
    private static ProcessHandle.Info startedWith(String... args) {
        return new ProcessHandle.Info() {
            public Optional<String> command() { return Optional.of("/usr/bin/java"); }
            public Optional<String> commandLine() { return Optional.empty(); }
            public Optional<String[]> arguments() { return Optional.of(args); }
            public Optional<Instant> startInstant() { return Optional.empty(); }
            public Optional<Duration> totalCpuDuration() { return Optional.empty(); }
            public Optional<String> user() { return Optional.empty(); }
        };
    }

    private Path jar() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("app/lib"));
        Files.writeString(lib.resolve("javafx-base.jar"), "x");
        return Files.writeString(dir.resolve("app/backprop-visualizer.jar"), "jar");
    }

    private Optional<WindowJvm.Plan> plan(Path jar, String... args) {
        return WindowJvm.plan(startedWith(args), jar.toString(), JDK, "OpenJDK 64-Bit Server VM", 17, "17.0.15", dir.resolve("home"));
    }

    @Test
    void onlyTheWindowStartedByJavaDashJarIsRelaunched() throws Exception {
        Path jar = jar();
        assertTrue(plan(jar, "-jar", jar.toString()).isPresent());
        assertTrue(plan(jar, "-Dbackpropviz.home=/x", "-Xmx2g", "-jar", jar.toString()).isPresent());
        assertFalse(plan(jar, "-jar", jar.toString(), "run", "case.json").isPresent(), "a command runs headless in this JVM");
        assertFalse(plan(jar, "-cp", jar.toString(), "org.backpropviz.Main").isPresent(), "not started by -jar");
        assertFalse(plan(dir, "-jar", jar.toString()).isPresent(), "classes from a folder, not a jar");
        assertFalse(WindowJvm.plan(startedWith("-jar", jar.toString()), jar.toString(), JDK, "Eclipse OpenJ9 VM", 17, "x", dir).isPresent(),
                "HotSpot's options only");
        assertFalse(WindowJvm.plan(startedWith("-jar", jar.toString()), jar.toString(), JDK, "OpenJDK 64-Bit Server VM", 11, "x", dir).isPresent(),
                "ArchiveClassesAtExit needs Java 13");
    }

    @Test
    void theChildRecordsTheArchiveTheFirstTimeAndMapsItAfterwards() throws Exception {
        Path jar = jar();
        WindowJvm.Plan p = plan(jar, "-Dbackpropviz.home=/x", "-jar", jar.toString()).orElseThrow();
        assertEquals(dir.resolve("home/cache"), p.archive().getParent());
        assertFalse(p.uses());
        Path part = p.recording(42);
        List<String> record = p.command(part);
        assertEquals(Path.of(JDK, "bin", "java").toString(), record.get(0));
        assertTrue(record.contains("-XX:ArchiveClassesAtExit=" + part), record.toString());
        assertTrue(record.stream().anyMatch(a -> a.startsWith("-D" + WindowJvm.CHILD + "=")), "the child must not relaunch itself");
        assertTrue(record.contains("-XX:TieredStopAtLevel=1") && record.contains("-XX:CICompilerCount=1"), "the quick compiler only");
        // the user's own options and the jar come last, unchanged, so that they win over the archive's options
        assertEquals(List.of("-Dbackpropviz.home=/x", "-jar", jar.toString()), record.subList(record.size() - 3, record.size()));

        Files.createDirectories(p.archive().getParent());
        Files.writeString(p.archive(), "archive");
        assertTrue(p.uses());
        List<String> use = p.command(null);
        assertTrue(use.contains("-XX:SharedArchiveFile=" + p.archive()), use.toString());
        assertTrue(use.contains("-Xshare:auto"), "a stale or foreign archive is ignored, never an error");
        assertFalse(use.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")));
    }

    @Test
    void javaFxGoesOnTheModulePathWithTheAccessControlsFxNeeds() throws Exception {
        Path jar = jar();
        Path lib = jar.resolveSibling("lib");
        for (String m : List.of("base", "graphics", "controls", "swing")) Files.writeString(lib.resolve("javafx-" + m + "-21.0.11-linux.jar"), m);
        Files.writeString(lib.resolve("javafx-controls-21.0.11.jar"), "the empty jar Maven also copies"); // no module in it
        Files.writeString(lib.resolve("controlsfx-11.2.2.jar"), "stays on the classpath");
        List<String> c = plan(jar, "-Xmx1g", "-jar", jar.toString()).orElseThrow().command(null);
        int mp = c.indexOf("--module-path");
        assertTrue(mp > 0, c.toString());
        assertEquals(String.join(java.io.File.pathSeparator, lib.resolve("javafx-base-21.0.11-linux.jar").toString(),
                lib.resolve("javafx-controls-21.0.11-linux.jar").toString(), lib.resolve("javafx-graphics-21.0.11-linux.jar").toString(),
                lib.resolve("javafx-swing-21.0.11-linux.jar").toString()), c.get(mp + 1));
        assertEquals("--add-modules", c.get(mp + 2));
        assertEquals("javafx.base,javafx.controls,javafx.graphics,javafx.swing", c.get(mp + 3));
        assertEquals(WindowJvm.FX_ACCESS, c.subList(mp + 4, mp + 4 + WindowJvm.FX_ACCESS.size()));
        assertEquals(List.of("-Xmx1g", "-jar", jar.toString()), c.subList(c.size() - 3, c.size()), "the user's options still come last");

        Files.createDirectories(dir.resolve("other/lib"));
        Path plain = Files.writeString(dir.resolve("other/app.jar"), "jar");
        assertFalse(plan(plain, "-jar", plain.toString()).orElseThrow().command(null).contains("--module-path"),
                "no JavaFX modules beside the jar: JavaFX stays where the jar's manifest puts it");
    }

    /** The jar that holds {@code c}, from the test's own classpath. */
    private static Path jarOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void aRealJvmWithThePlansModulePathStartsJavaFxAsModulesWithoutWarning() throws Exception {
        // the JavaFX jars these tests run with, in a lib folder as the app's jar has them beside it
        Path lib = Files.createDirectories(dir.resolve("app/lib"));
        for (Class<?> c : List.of(javafx.beans.Observable.class, javafx.application.Platform.class, javafx.scene.control.Button.class,
                javafx.embed.swing.SwingFXUtils.class)) {
            Path fx = jarOf(c);
            Files.createSymbolicLink(lib.resolve(fx.getFileName()), fx);
        }
        List<Path> modules = WindowJvm.fxModules(lib);
        assertEquals(4, modules.size(), modules.toString());
        // headless: Monocle (a test library) patched into javafx.graphics, where JavaFX looks for it
        Path monocle = jarOf(Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory"));
        var plan = new WindowJvm.Plan(Path.of(JDK, "bin", "java"), List.of("--patch-module", "javafx.graphics=" + monocle,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), FxStartProbe.class.getName()),
                dir.resolve("cache/none.jsa"), System.currentTimeMillis(), modules);
        Path out = dir.resolve("child.log");
        Process child = new ProcessBuilder(plan.command(null)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "JavaFX started and exited");
        String said = Files.readString(out);
        assertEquals(0, child.exitValue(), said);
        assertTrue(said.contains("JavaFX started from module javafx.graphics"), said);
        assertTrue(said.contains("behavior exported: true"), said);
        assertFalse(said.contains("Unsupported JavaFX configuration"), said);
    }

    @Test
    void mvnJavafxRunOpensTheSameInternals() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> options = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("<option>([^<]*)</option>").matcher(pom);
        while (m.find()) options.add(m.group(1).trim());
        assertTrue(java.util.Collections.indexOfSubList(options, WindowJvm.FX_ACCESS) >= 0,
                "pom.xml's javafx-maven-plugin options carry WindowJvm.FX_ACCESS in the same order: " + options);
    }

    @Test
    void aUsersOwnCompilerOptionLeavesTheWindowsOut() throws Exception {
        Path jar = jar();
        for (String own : List.of("-XX:TieredStopAtLevel=4", "-XX:CICompilerCount=3", "-XX:-TieredCompilation", "-Xint")) {
            List<String> c = plan(jar, own, "-jar", jar.toString()).orElseThrow().command(null);
            assertFalse(c.stream().anyMatch(a -> a.equals("-XX:TieredStopAtLevel=1") || a.equals("-XX:CICompilerCount=1")), c.toString());
            assertTrue(c.contains(own));
        }
    }

    @Test
    void aRebuiltJarOrAnotherRuntimeGetsItsOwnArchive() throws Exception {
        Path jar = jar();
        String first = WindowJvm.identity(jar, "/opt/jdk", "17.0.15");
        assertEquals(first, WindowJvm.identity(jar, "/opt/jdk", "17.0.15"));
        assertNotEquals(first, WindowJvm.identity(jar, "/opt/jdk", "17.0.16"));
        assertNotEquals(first, WindowJvm.identity(jar, "/opt/other-jdk", "17.0.15"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        String rebuilt = WindowJvm.identity(jar, "/opt/jdk", "17.0.15");
        assertNotEquals(first, rebuilt);
        Files.writeString(jar.resolveSibling("lib").resolve("ejml-core.jar"), "y");
        assertNotEquals(rebuilt, WindowJvm.identity(jar, "/opt/jdk", "17.0.15"), "a library added");
    }

    /** This JVM's java, with the archive's options, running {@code args} instead of the app. */
    private WindowJvm.Plan realJava(Path archive, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new WindowJvm.Plan(java, List.of(args), archive, System.currentTimeMillis());
    }

    @Test
    void aRealJvmRecordsTheArchiveOnANormalExitAndThenStartsWithIt() throws Exception {
        Path archive = dir.resolve("cache/startup-test.jsa");
        Files.createDirectories(archive.getParent());
        Files.writeString(archive.resolveSibling("startup-0ldbu1ld.jsa"), "an earlier build's archive");

        assertEquals(0, realJava(archive, "-version").run());
        assertTrue(Files.size(archive) > 0, "recorded at exit");
        try (var files = Files.list(archive.getParent())) {
            assertEquals(List.of(archive), files.toList(), "no part file left, and the earlier build's archive is gone");
        }
        long recorded = Files.getLastModifiedTime(archive).toMillis();
        assertEquals(0, realJava(archive, "-version").run(), "starts with the archive");
        assertEquals(recorded, Files.getLastModifiedTime(archive).toMillis(), "mapped, not recorded again");
    }

    @Test
    void aRecordingLeftByAStoppedLauncherIsDeletedByTheNextOne() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("cache")).resolve("startup-test.jsa");
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        gone.waitFor();
        Path left = Files.writeString(archive.resolveSibling("startup-test.jsa.part-" + gone.pid()), "half an archive");
        long alive = ProcessHandle.current().parent().orElseThrow().pid(); // a launcher that is still running
        Path running = Files.writeString(archive.resolveSibling("startup-test.jsa.part-" + alive), "being recorded");
        assertEquals(0, realJava(archive, "-version").run());
        assertFalse(Files.exists(left), "its launcher has ended");
        assertTrue(Files.exists(running), "another window still recording it");
        assertTrue(Files.size(archive) > 0);
    }

    @Test
    void noJavaLauncherInTheRuntimeMeansNoRelaunch() throws Exception {
        Path jar = jar();
        assertFalse(WindowJvm.plan(startedWith("-jar", jar.toString()), jar.toString(), dir.resolve("no-jdk").toString(),
                "OpenJDK 64-Bit Server VM", 17, "17.0.15", dir).isPresent());
    }

    @Test
    void aHomeThatCannotBeWrittenStartsTheWindowWithoutAnArchive() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(0, realJava(file.resolve("cache/startup-test.jsa"), "-version").run());
    }

    @Test
    void aFailedRunLeavesNoArchive() throws Exception {
        Path archive = dir.resolve("cache/startup-test.jsa");
        assertNotEquals(0, realJava(archive, "-cp", dir.toString(), "NoSuchMainClass").run());
        try (var files = Files.list(archive.getParent())) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aBrokenArchiveIsIgnoredNotAnError() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("cache")).resolve("startup-test.jsa");
        Files.writeString(archive, "not an archive");
        assertEquals(0, realJava(archive, "-version").run());
    }

    @Test
    void aLauncherStoppedBySignalClosesTheWindowAndOpensNoOtherOne() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("cache")).resolve("startup-test.jsa");
        Path out = dir.resolve("launcher.log");
        Process launcher = new ProcessBuilder(Path.of(JDK, "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                StoppedLauncher.class.getName(), archive.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long deadline = System.currentTimeMillis() + 30_000;
        java.util.regex.Matcher m = null;
        while (System.currentTimeMillis() < deadline) {
            m = java.util.regex.Pattern.compile("window (\\d+)").matcher(Files.readString(out));
            if (m.find()) break;
            m = null;
            Thread.sleep(50);
        }
        assertTrue(m != null, "the window's JVM started: " + Files.readString(out));
        ProcessHandle window = ProcessHandle.of(Long.parseLong(m.group(1))).orElseThrow();

        launcher.destroy(); // SIGTERM, as a logout or `kill` sends it
        assertTrue(launcher.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "the launcher ended");
        assertTrue(window.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) != null && !window.isAlive(), "the window went with it");
        String said = Files.readString(out);
        assertFalse(said.contains("Could not start"), said);
        assertFalse(said.contains("opening the window in the launcher's JVM"), said);
        assertFalse(said.contains("Exception"), said);
        try (var files = Files.list(archive.getParent())) {
            assertEquals(List.of(), files.toList(), "the half-recorded archive is dropped");
        }
    }
}
