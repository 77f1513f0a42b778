package org.backpropviz.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * Starts the window in a JVM set up for a desktop program's quick start, since {@code java -jar} cannot give the
 * JVM options: {@link #relaunch} starts the window in a child JVM with them and waits for it. Measured on this
 * project's 2-core machine, both options together take the first frame from about 1.7 s to about 1 s (README):
 * <ul>
 *   <li>a class-data archive (HotSpot's AppCDS), so that the JVM maps the app's 5,000 classes instead of reading
 *   and verifying them from the jars at every start. The first start records it as the window closes
 *   ({@code -XX:ArchiveClassesAtExit}); later starts map it. The JVM checks the archive against the jars itself and
 *   ignores one that does not fit ({@code -Xshare:auto}); its name also carries the Java runtime's and the jars'
 *   identity, so a rebuilt jar or another JDK records a new one;</li>
 *   <li>only the quick (C1) compiler, in one thread ({@code -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1}): on
 *   two cores the optimising compiler's thread takes half the CPU while the window starts, and compiler threads
 *   take it from the window while a training run starts. The optimising compiler's code is faster only for long
 *   computations: a (1000, 784, 1000, 10) pass takes about 15% longer without it, a whole digits training run is
 *   no slower. The {@code bench} and {@code train} commands run in the JVM they were started in, with both
 *   compilers. A user's own compiler option ({@code -XX:TieredStopAtLevel=4}, say) leaves both options out;</li>
 *   <li>JavaFX on the module path ({@code --module-path} with the JavaFX jars of the {@code lib} folder, and the
 *   {@code --add-exports}/{@code --add-opens} that ControlsFX needs, {@link #FX_ACCESS}): JavaFX is only supported
 *   as named modules, and from the classpath it warns "Unsupported JavaFX configuration" at every start. The archive
 *   holds the modules' classes too (the same module path at every start).</li>
 * </ul>
 *
 * <p>Nothing here loads JavaFX. The relaunch is skipped (and the window starts in this JVM) unless this JVM was
 * started as {@code java [options] -jar app.jar} with no arguments by a HotSpot JVM of Java 13 or later, or when
 * {@code -Dbackpropviz.windowJvm=false} is given. The user's own JVM options are passed on after these, so they
 * win.
 */
public final class WindowJvm {
    /** Set on the child JVM, so that it never relaunches itself. */
    static final String CHILD = "backpropviz.launchedBy";

    /**
     * The JavaFX internals that ControlsFX (on the classpath, so in the unnamed module) reaches into, opened to it
     * when JavaFX is on the module path. The same list is in pom.xml, for {@code mvn javafx:run} and for the
     * packaged app's launcher (WindowJvmTest checks that they agree).
     */
    public static final List<String> FX_ACCESS = List.of(
            "--add-exports", "javafx.base/com.sun.javafx.event=ALL-UNNAMED",
            "--add-exports", "javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED",
            "--add-exports", "javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED",
            "--add-opens", "javafx.controls/javafx.scene.control.skin=ALL-UNNAMED",
            "--add-exports", "javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED",
            "--add-exports", "javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED",
            "--add-exports", "javafx.base/com.sun.javafx.collections=ALL-UNNAMED");

    /** A JavaFX jar with a module in it: Maven Central's carry the platform in their name (javafx-base-21-linux.jar). */
    private static final Pattern FX_MODULE_JAR =
            Pattern.compile("javafx-([a-z]+)-[0-9][^-]*-(linux|mac|win)[a-z0-9-]*\\.jar");

    private WindowJvm() {}

    /**
     * Starts the window in a child JVM with the archive and returns its exit code once it has closed, or returns
     * empty when no child was started (the caller then opens the window in this JVM).
     */
    public static Optional<Integer> relaunch() {
        if (!"true".equals(System.getProperty("backpropviz.windowJvm", "true")) || System.getProperty(CHILD) != null) {
            return Optional.empty();
        }
        Optional<Plan> plan = plan(ProcessHandle.current().info(), System.getProperty("java.class.path"),
                System.getProperty("java.home"), System.getProperty("java.vm.name", ""), Runtime.version().feature(),
                System.getProperty("java.vm.version", ""), Home.get());
        return plan.isEmpty() ? Optional.empty() : run(plan.get());
    }

    /** Runs the plan: the child's exit code, or empty when it could not be started (the window then opens here). */
    static Optional<Integer> run(Plan plan) {
        try {
            return Optional.of(plan.run());
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("Could not start the window's own JVM (" + e.getMessage() + "); opening it in this one.");
            return Optional.empty();
        }
    }

    /**
     * What to run: the child's command line and where its archive is (or will be recorded). Empty when this JVM
     * was not started as {@code java [options] -jar JAR} or is not a HotSpot JVM of Java 13 or later.
     */
    static Optional<Plan> plan(ProcessHandle.Info self, String classPath, String javaHome, String vmName, int feature,
                               String vmVersion, Path home) {
        if (feature < 13 || !(vmName.contains("HotSpot") || vmName.contains("OpenJDK"))) return Optional.empty();
        Optional<String[]> args = self.arguments();
        if (args.isEmpty() || classPath == null || !classPath.endsWith(".jar")) return Optional.empty();
        List<String> original = List.of(args.get());
        int jarAt = original.indexOf("-jar");
        // only `java [options] -jar JAR` with no arguments after the jar: the window, not a command
        if (jarAt < 0 || jarAt != original.size() - 2) return Optional.empty();
        Path jar = Path.of(classPath).toAbsolutePath();
        if (!Files.isRegularFile(jar)) return Optional.empty();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path launcher = Path.of(javaHome, "bin", windows ? "java.exe" : "java");
        if (!Files.isExecutable(launcher)) return Optional.empty(); // a runtime image without the java launcher
        Path archive = home.resolve("cache").resolve("startup-" + identity(jar, javaHome, vmVersion) + ".jsa");
        List<Path> fx = fxModules(jar.resolveSibling("lib"));
        // the start-up probe counts from here; the management classes it takes to know this JVM's start are
        // only loaded when that probe is on (the process's own start instant is only known to the second)
        long launchedAt = org.backpropviz.app.diagnostics.Probe.STARTUP.on()
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : System.currentTimeMillis();
        return Optional.of(new Plan(launcher, original, archive, launchedAt, fx));
    }

    /** The JavaFX jars with modules in {@code lib}, sorted; empty if there are none (JavaFX then stays on the classpath). */
    static List<Path> fxModules(Path lib) {
        File[] jars = lib.toFile().listFiles((d, n) -> FX_MODULE_JAR.matcher(n).matches());
        if (jars == null) return List.of();
        Arrays.sort(jars);
        return Arrays.stream(jars).map(File::toPath).toList();
    }

    /**
     * A short name for the runtime and the jars the archive is made from: the JDK, and each jar's path, size and
     * modification time (the app's jar and those in the {@code lib} folder beside it, which its manifest names).
     */
    static String identity(Path jar, String javaHome, String vmVersion) {
        CRC32 crc = new CRC32();
        StringBuilder s = new StringBuilder(javaHome).append('|').append(vmVersion);
        List<File> jars = new ArrayList<>();
        jars.add(jar.toFile());
        File[] lib = jar.resolveSibling("lib").toFile().listFiles((d, n) -> n.endsWith(".jar"));
        if (lib != null) {
            Arrays.sort(lib);
            jars.addAll(List.of(lib));
        }
        for (File f : jars) s.append('|').append(f.getAbsolutePath()).append(':').append(f.length()).append(':').append(f.lastModified());
        crc.update(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** Whether a JVM option of the user's sets the compilers up itself (then the window's JIT options stay out). */
    static boolean choosesCompiler(String option) {
        return option.startsWith("-XX:TieredStopAtLevel") || option.startsWith("-XX:CICompilerCount")
                || option.endsWith("TieredCompilation") || option.equals("-Xint") || option.equals("-Xcomp");
    }

    /**
     * A child JVM to start: {@code java} with the archive's options, JavaFX's module path ({@code fxModules}, none
     * for JavaFX on the classpath) and then this JVM's own arguments.
     */
    record Plan(Path java, List<String> originalArgs, Path archive, long launchedAt, List<Path> fxModules) {
        Plan(Path java, List<String> originalArgs, Path archive, long launchedAt) {
            this(java, originalArgs, archive, launchedAt, List.of());
        }

        /** True when the archive exists, so the child maps it; else the child records it at exit. */
        boolean uses() {
            return Files.isRegularFile(archive);
        }

        /** The archive being recorded by the child with process id {@code pid}, renamed once the child is done. */
        Path recording(long pid) {
            return archive.resolveSibling(archive.getFileName() + ".part-" + pid);
        }

        /** The child's command line: the window's options first, so that the user's own options win. */
        List<String> command(Path recordTo) {
            List<String> c = new ArrayList<>();
            c.add(java.toString());
            if (recordTo == null) {
                c.add("-XX:SharedArchiveFile=" + archive);
                c.add("-Xshare:auto");
            } else {
                c.add("-XX:ArchiveClassesAtExit=" + recordTo);
            }
            if (originalArgs.stream().noneMatch(WindowJvm::choosesCompiler)) {
                c.add("-XX:TieredStopAtLevel=1");
                c.add("-XX:CICompilerCount=1");
            }
            c.add("-Xlog:cds=off");
            c.add("-Xlog:cds+dynamic=off");
            if (!fxModules.isEmpty()) {
                c.add("--module-path");
                c.add(fxModules.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
                c.add("--add-modules");
                c.add(fxModules.stream().map(p -> {
                    var m = FX_MODULE_JAR.matcher(p.getFileName().toString());
                    return m.matches() ? "javafx." + m.group(1) : null;
                }).collect(Collectors.joining(",")));
                c.addAll(FX_ACCESS);
            }
            c.add("-D" + CHILD + "=" + launchedAt);
            c.addAll(originalArgs);
            return c;
        }

        /** Runs the child with this JVM's standard streams and returns its exit code. */
        int run() throws IOException, InterruptedException {
            Path part = null;
            if (!uses()) {
                try {
                    Files.createDirectories(archive.getParent());
                    forgetUnfinished();
                    part = recording(ProcessHandle.current().pid());
                } catch (IOException unwritable) {
                    part = null; // a home we cannot write to: the window starts without an archive, every time
                }
            }
            Process child = new ProcessBuilder(command(part)).inheritIO().start();
            Path recorded = part;
            // this JVM stopped (a signal, a logout): the window goes too, and an archive it was recording is dropped
            Thread stop = new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor(5, TimeUnit.SECONDS);
                    if (recorded != null) Files.deleteIfExists(recorded);
                } catch (InterruptedException | IOException ignored) {
                    // exiting anyway; a leftover part file is deleted by the next start that records
                }
            }, "stop-window");
            Runtime.getRuntime().addShutdownHook(stop);
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException stopping) {
                // this JVM is being stopped (a signal, Ctrl+C in its terminal): the hook has closed the window and
                // drops the recording; the window must not open again here
                return code;
            }
            if (part != null) keep(part, code);
            return code;
        }

        /** Deletes archives left half-recorded by starts whose launcher is no longer running. */
        private void forgetUnfinished() throws IOException {
            String prefix = archive.getFileName() + ".part-";
            try (var files = Files.list(archive.getParent())) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String n = p.getFileName().toString();
                    if (!n.startsWith(prefix)) continue;
                    try {
                        long pid = Long.parseLong(n.substring(prefix.length()));
                        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                    } catch (NumberFormatException notOurs) {
                        continue;
                    }
                    Files.deleteIfExists(p);
                }
            }
        }

        /** Deletes the archives recorded for earlier builds or runtimes (each is about 25 MB). */
        private void forgetOthers() throws IOException {
            try (var others = Files.list(archive.getParent())) {
                for (Path p : (Iterable<Path>) others::iterator) {
                    String n = p.getFileName().toString();
                    if (n.startsWith("startup-") && n.endsWith(".jsa") && !p.equals(archive)) Files.deleteIfExists(p);
                }
            }
        }

        /** Keeps a recorded archive under its final name if the child ended normally; else deletes it. */
        private void keep(Path part, int code) {
            try {
                if (code == 0 && Files.size(part) > 0) {
                    Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    forgetOthers();
                } else {
                    Files.deleteIfExists(part);
                }
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover part file is only disk space; the next start records again
                }
            }
        }
    }
}
