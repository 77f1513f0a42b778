package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenBLAS the app ships is copied once, whole, into the home and used for large products, so a machine without a
 * system BLAS (this test's CI machine has none) still multiplies natively.
 */
class BundledBlasTest {
    @TempDir Path home;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(BundledBlas.platformSupported(), "the bundled OpenBLAS is Linux x86-64's");
    }

    private Path folder() {
        return home.resolve("native").resolve(BundledBlas.FOLDER);
    }

    private static long jarSize(String name) throws IOException {
        return BundledBlas.class.getClassLoader().getResource(BundledBlas.RESOURCE_DIR + name).openConnection().getContentLengthLong();
    }

    @Test
    void largeProductsRunOnTheBundledOpenBlas() {
        // the test JVM's home is target/test-home (pom.xml): the engine copied the library there and loaded it
        assertEquals("native BLAS (OpenBLAS 0.3.31, bundled)", Np.matmulBackend());
    }

    @Test
    void theLibraryAndWhatItNeedsAreCopiedWholeAndLoad() throws IOException {
        Path lib = BundledBlas.install(home);
        assertNotNull(lib);
        assertEquals(folder().resolve("libopenblas.so.0").toAbsolutePath(), lib);
        for (String name : new String[] {"libopenblas.so.0", "libgfortran.so.5", "libquadmath.so.0", "libgcc_s.so.1"}) {
            assertEquals(jarSize(name), Files.size(folder().resolve(name)), name);
        }
        try (Stream<Path> files = Files.list(folder())) {
            assertEquals(4, files.count(), "no temporary file is left");
        }
    }

    @Test
    void aSecondStartOnlyLoadsWhatIsThere() throws IOException {
        Path lib = BundledBlas.install(home);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(lib, old);
        assertEquals(lib, BundledBlas.install(home));
        assertEquals(old, Files.getLastModifiedTime(lib), "a whole copy is not written again");
    }

    @Test
    void aTruncatedCopyIsReplacedAndAKilledCopysLeftoverRemoved() throws IOException {
        Files.createDirectories(folder());
        Files.write(folder().resolve("libopenblas.so.0"), new byte[1000]); // an older, broken or cut-off file
        Path part = folder().resolve("libopenblas.so.0.123.part");
        Files.write(part, new byte[1000]);
        Files.setLastModifiedTime(part, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path lib = BundledBlas.install(home);
        assertNotNull(lib);
        assertEquals(jarSize("libopenblas.so.0"), Files.size(lib));
        assertFalse(Files.exists(part));
    }

    @Test
    void aHomeThatCannotHoldTheLibraryGivesNullNotAnException() throws IOException {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        assertNull(BundledBlas.install(file)); // the caller falls back to the system's BLAS or to EJML
        assertNull(BundledBlas.install(Path.of("/dev/zero")));
        assertTrue(Files.isRegularFile(file));
    }

    /**
     * Special files where the library goes: a named pipe or a link to {@code /dev/zero} is replaced by a whole copy
     * (never opened, so nothing hangs or reads forever); a folder cannot be replaced, and the caller falls back.
     */
    @Test
    void aPipeALinkToADeviceOrAFolderInTheLibrarysPlaceNeitherHangsNorThrows() throws Exception {
        Files.createDirectories(folder());
        Path lib = folder().resolve("libopenblas.so.0");
        Process mk = new ProcessBuilder("mkfifo", lib.toString()).start();
        assumeTrue(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mk.exitValue() == 0, "no mkfifo here");
        Path installed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> BundledBlas.install(home));
        assertEquals(lib.toAbsolutePath(), installed);
        assertTrue(Files.isRegularFile(lib, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(jarSize("libopenblas.so.0"), Files.size(lib));

        Files.delete(lib);
        Files.createSymbolicLink(lib, Path.of("/dev/zero"));
        installed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> BundledBlas.install(home));
        assertEquals(lib.toAbsolutePath(), installed);
        assertTrue(Files.isRegularFile(lib, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link is replaced, /dev/zero untouched");

        Files.delete(lib);
        Files.createDirectory(lib);
        assertNull(BundledBlas.install(home));
        assertTrue(Files.isDirectory(lib));
    }
}
