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
 * The steps of {@code mvn -Pdist package} that no Maven plugin does, run by the exec plugin between jlink and
 * jpackage as {@code java src/dist/Dist.java STEP ARGS} (a single-file program: it needs no build of its own).
 * <ul>
 *   <li>{@code input TARGET}: lays out {@code TARGET/dist/input} for jpackage: the app's jar and its libraries
 *   except JavaFX (which jlink puts in the runtime), with their modification times (the class-data archive checks
 *   them); deletes what an earlier packaging left in {@code TARGET/dist};</li>
 *   <li>{@code natives JAR DIR}: copies the native libraries out of JavaFX's graphics jar into the runtime's
 *   {@code lib} folder, where JavaFX looks first: without them it would extract them into the user's home at the
 *   first start;</li>
 *   <li>{@code cds IMAGE MONOCLE_JAR}: records the app image's class-data archive ({@code lib/app/*.jsa}, which the
 *   launcher's JVM options name). It starts the image's app once, headless (JavaFX's Monocle platform patched in
 *   for this run only), to list the classes a start loads, then has the image's own runtime dump them, with the
 *   launcher's class path. A failure here leaves the image without an archive (it then starts as any JVM does), and
 *   says so.</li>
 * </ul>
 */
public final class Dist {
    private Dist() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "input" -> input(Path.of(args[1]));
            case "natives" -> natives(Path.of(args[1]), Path.of(args[2]));
            case "cds" -> cds(Path.of(args[1]), Path.of(args[2]));
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

    static void cds(Path image, Path monocle) throws Exception {
        Path app = image.resolve("lib/app");
        Path javaBin = image.resolve("lib/runtime/bin/java");
        Path cfg;
        try (Stream<Path> s = Files.list(app)) {
            cfg = s.filter(p -> p.toString().endsWith(".cfg")).findFirst().orElseThrow();
        }
        String name = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
        Path archive = app.resolve(name + ".jsa");
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (String line : Files.readAllLines(cfg)) {
            String v = line.substring(line.indexOf('=') + 1).replace("$APPDIR", app.toString());
            if (line.startsWith("app.classpath=")) classPath.add(v);
            else if (line.startsWith("app.mainclass=")) mainClass = v;
            // the archive's own options stay out of both runs: they would map the archive being made
            else if (line.startsWith("java-options=") && !v.contains("SharedArchiveFile") && !v.startsWith("-Xshare")) options.add(v);
        }
        String cp = String.join(java.io.File.pathSeparator, classPath);
        Path work = Files.createTempDirectory("backpropviz-cds");
        Path list = image.resolveSibling(name + ".classlist");
        try {
            List<String> listRun = new ArrayList<>(List.of(javaBin.toString(), "-Xshare:off", "-XX:DumpLoadedClassList=" + list,
                    "--patch-module", "javafx.graphics=" + monocle, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-Dprism.order=sw", "-Dbackpropviz.home=" + work, "-Dbackpropviz.exitAfterFirstFrames=true"));
            listRun.addAll(options);
            listRun.addAll(List.of("-cp", cp, mainClass));
            if (run(listRun, work.resolve("list.log")) != 0 || !Files.isRegularFile(list)) {
                skip("the app did not start headless", work.resolve("list.log"));
                return;
            }
            List<String> dump = new ArrayList<>(List.of(javaBin.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=warning"));
            dump.addAll(options.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel") && !o.startsWith("-XX:CICompilerCount")).toList());
            dump.addAll(List.of("-cp", cp));
            if (run(dump, work.resolve("dump.log")) != 0 || !Files.isRegularFile(archive)) {
                Files.deleteIfExists(archive);
                skip("the dump failed", work.resolve("dump.log"));
                return;
            }
            System.out.printf("[dist] class-data archive %s: %d classes listed, %.1f MB%n", archive,
                    Files.readAllLines(list).size(), Files.size(archive) / 1e6);
        } finally {
            deleteTree(work);
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
