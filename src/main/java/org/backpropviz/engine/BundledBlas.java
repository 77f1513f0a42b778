package org.backpropviz.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The OpenBLAS that ships with the app (the {@code org.bytedeco:openblas} Linux x86-64 jar: OpenBLAS 0.3.31, the
 * version NumPy 2.4's wheels carry), made loadable so that a machine without a system BLAS multiplies large matrices
 * as fast as NumPy does, not 3–8× slower in EJML.
 *
 * <p>A shared library cannot be loaded from inside a jar: {@link #install(Path)} copies it and the three libraries it
 * needs (gfortran's runtime; OpenBLAS finds them beside itself) into a folder of the app's home, once per version, and
 * loads it. Each file is written under a temporary name and renamed into place, so an interrupted copy never leaves a
 * truncated library behind; a later start finds the files whole (same size as in the jar) and only loads them.
 */
final class BundledBlas {
    /** The libraries' folder inside the jar. */
    static final String RESOURCE_DIR = "org/bytedeco/openblas/linux-x86_64/";
    /** OpenBLAS itself: the file handed to the netlib binding. */
    static final String LIBRARY = "libopenblas.so.0";
    /** What it needs, found beside it ({@code RUNPATH $ORIGIN}). */
    private static final String[] NEEDS = {"libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5"};
    /** What the library is, for the engine's description of its products' path. */
    static final String NAME = "OpenBLAS 0.3.31";
    /** The folder's name under the home: the jar's version, so that an update never loads an older copy. */
    static final String FOLDER = "openblas-0.3.31-1.5.13";

    private BundledBlas() {}

    /** Whether the running JVM can use the bundled library: Linux on x86-64. */
    static boolean platformSupported() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /**
     * Copies the bundled OpenBLAS into {@code home/native/FOLDER} where it is not already there whole, and loads it
     * into this JVM. Nothing outside that folder is modified.
     *
     * @return the loaded library's path, for the netlib binding; null where the jar is not on the class path, the
     *     platform is another, the folder cannot be written or the library does not load (the caller then falls back
     *     to the system's BLAS or to EJML)
     */
    static Path install(Path home) {
        if (!platformSupported()) return null;
        ClassLoader loader = BundledBlas.class.getClassLoader();
        if (loader.getResource(RESOURCE_DIR + LIBRARY) == null) return null;
        try {
            Path dir = home.resolve("native").resolve(FOLDER);
            Files.createDirectories(dir);
            removeStaleParts(dir);
            for (String lib : NEEDS) copyIfNeeded(loader, lib, dir);
            Path blas = copyIfNeeded(loader, LIBRARY, dir);
            System.load(blas.toAbsolutePath().toString()); // a library that cannot load is found out here, not in netlib
            return blas.toAbsolutePath();
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return null;
        }
    }

    /**
     * Deletes what a copy killed midway left behind (a {@code .part} file, up to 38 MB), once it is a minute old: a
     * younger one may be another start's copy in progress.
     */
    private static void removeStaleParts(Path dir) throws IOException {
        long before = System.currentTimeMillis() - 60_000;
        try (var files = Files.newDirectoryStream(dir, "*.part")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toMillis() < before) Files.deleteIfExists(f);
            }
        }
    }

    /** {@code dir/name}, copied from the jar unless a file of the jar entry's size is already there. */
    private static Path copyIfNeeded(ClassLoader loader, String name, Path dir) throws IOException {
        URL url = loader.getResource(RESOURCE_DIR + name);
        if (url == null) throw new IOException("not in the jar: " + name);
        URLConnection c = url.openConnection();
        long size = c.getContentLengthLong();
        Path target = dir.resolve(name);
        if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) return target;
        Path part = Files.createTempFile(dir, name + ".", ".part");
        try (InputStream in = c.getInputStream()) {
            long copied = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            if (size >= 0 && copied != size) throw new IOException(name + ": copied " + copied + " of " + size + " bytes");
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }
}
