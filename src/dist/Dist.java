import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The steps of {@code mvn -Pdist package} that no Maven plugin does, run by the exec plugin before and after jlink
 * and jpackage as {@code java src/dist/Dist.java STEP ARGS} (a single-file program: it needs no build of its own).
 * <ul>
 *   <li>{@code input TARGET}: lays out {@code TARGET/dist/input} for jpackage: the app's jar and its libraries
 *   except JavaFX (which jlink puts in the runtime), with their modification times (the class-data archive checks
 *   them); deletes what an earlier packaging left in {@code TARGET/dist};</li>
 *   <li>{@code natives JAR DIR}: copies the native libraries out of JavaFX's graphics jar into the runtime's
 *   {@code lib} folder, where JavaFX looks first: without them it would extract them into the user's home at the
 *   first start;</li>
 *   <li>{@code classlist IMAGE MONOCLE_JAR}: starts the image's app once, headless (JavaFX's Monocle platform patched
 *   in for this run only), to list the classes a start loads ({@code lib/app/NAME.classlist}, shipped);</li>
 *   <li>{@code dump IMAGE}: has the image's own runtime dump those classes into the class-data archive that the
 *   launcher's JVM options name ({@code lib/app/NAME.jsa}), with the launcher's class path. Java 17 maps an archive
 *   only where it was made, so the .deb leaves it out and its postinst makes it on the installed files.</li>
 * </ul>
 * A failure in the last two leaves the image without an archive (it then starts as any JVM does), and says so.
 */
public final class Dist {
    private Dist() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "input" -> input(Path.of(args[1]));
            case "natives" -> natives(Path.of(args[1]), Path.of(args[2]));
            case "classlist" -> classList(Path.of(args[1]), Path.of(args[2]));
            case "dump" -> dump(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    static void input(Path target) throws IOException {
        Path dist = target.resolve("dist");
        deleteTree(dist);
        Path lib = Files.createDirectories(dist.resolve("input/lib"));
        Files.copy(target.resolve("backprop-visualizer.jar"), dist.resolve("input/backprop-visualizer.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path j : (Iterable<Path>) jars::iterator) {
                String n = j.getFileName().toString();
                if (n.endsWith(".jar") && !n.startsWith("javafx-")) Files.copy(j, lib.resolve(n), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void natives(Path jar, Path dir) throws IOException {
        int n = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.contains("/") || !(name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"))) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                n++;
            }
        }
        System.out.println("[dist] " + n + " JavaFX native libraries into " + dir);
    }

    /** The image's launcher configuration: its class path, main class and JVM options, with $APPDIR filled in. */
    record Launcher(Path app, String name, List<String> classPath, String mainClass, List<String> options) {
        static Launcher of(Path image) throws IOException {
            Path app = image.resolve("lib/app");
            Path cfg;
            try (Stream<Path> s = Files.list(app)) {
                cfg = s.filter(p -> p.toString().endsWith(".cfg")).findFirst().orElseThrow();
            }
            List<String> classPath = new ArrayList<>();
            List<String> options = new ArrayList<>();
            String mainClass = null;
            for (String line : Files.readAllLines(cfg)) {
                String v = line.substring(line.indexOf('=') + 1).replace("$APPDIR", app.toString());
                if (line.startsWith("app.classpath=")) classPath.add(v);
                else if (line.startsWith("app.mainclass=")) mainClass = v;
                // the archive's own options stay out: they would map the archive being made
                else if (line.startsWith("java-options=") && !v.contains("SharedArchiveFile") && !v.startsWith("-Xshare")) options.add(v);
            }
            return new Launcher(app, cfg.getFileName().toString().replaceFirst("\\.cfg$", ""), classPath, mainClass, options);
        }

        Path java() {
            return app.resolveSibling("runtime/bin/java");
        }

        String cp() {
            return String.join(java.io.File.pathSeparator, classPath);
        }

        Path classList() {
            return app.resolve(name + ".classlist");
        }
    }

    /**
     * Lists the classes a start of the image's app loads ({@code lib/app/NAME.classlist}): the image's runtime runs
     * it headless, with JavaFX's Monocle platform patched in for this run only, until its first frames are drawn.
     */
    static void classList(Path image, Path monocle) throws Exception {
        Launcher l = Launcher.of(image);
        Path work = Files.createTempDirectory("backpropviz-classlist");
        try {
            List<String> run = new ArrayList<>(List.of(l.java().toString(), "-Xshare:off", "-XX:DumpLoadedClassList=" + l.classList(),
                    "--patch-module", "javafx.graphics=" + monocle, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-Dprism.order=sw", "-Dbackpropviz.home=" + work, "-Dbackpropviz.exitAfterFirstFrames=true"));
            run.addAll(l.options());
            run.addAll(List.of("-cp", l.cp(), l.mainClass()));
            if (run(run, work.resolve("list.log")) != 0 || !Files.isRegularFile(l.classList())) {
                Files.deleteIfExists(l.classList());
                skip("the app did not start headless", work.resolve("list.log"));
                return;
            }
            System.out.println("[dist] " + Files.readAllLines(l.classList()).size() + " classes listed in " + l.classList());
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Dumps the image's class-data archive ({@code lib/app/NAME.jsa}) from its class list, with the launcher's class
     * path. Java 17 maps an archive only for the class path it was made with, so this one serves the image where
     * it is; the .deb makes its own when it is installed (src/dist/deb/postinst runs the same dump).
     */
    static void dump(Path image) throws Exception {
        Launcher l = Launcher.of(image);
        Path archive = l.app().resolve(l.name() + ".jsa");
        if (!Files.isRegularFile(l.classList())) {
            System.out.println("[dist] WARNING: no class list, so no class-data archive: the app image starts without one");
            return;
        }
        Path log = Files.createTempFile("backpropviz-dump", ".log");
        try {
            List<String> dump = new ArrayList<>(List.of(l.java().toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + l.classList(),
                    "-XX:SharedArchiveFile=" + archive));
            dump.addAll(l.options().stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel") && !o.startsWith("-XX:CICompilerCount")).toList());
            dump.addAll(List.of("-cp", l.cp()));
            if (run(dump, log) != 0 || !Files.isRegularFile(archive)) {
                Files.deleteIfExists(archive);
                skip("the dump failed", log);
                return;
            }
            System.out.printf("[dist] class-data archive %s: %.1f MB%n", archive, Files.size(archive) / 1e6);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static int run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void skip(String why, Path log) throws IOException {
        System.out.println("[dist] WARNING: no class-data archive (" + why + "); the app image starts without one. Its log:");
        if (Files.exists(log)) Files.readAllLines(log).stream().limit(40).forEach(l -> System.out.println("[dist]   " + l));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
