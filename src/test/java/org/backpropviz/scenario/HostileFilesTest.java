package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that try to hang, exhaust or trick the readers and writers: pipes, devices, huge files, links, odd modes,
 * and the temporary files an interrupted save leaves behind.
 */
class HostileFilesTest {
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    /** A named pipe made by {@code mkfifo}; the test is skipped where there is none. */
    static Path fifo(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e.getMessage());
            throw e;
        }
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        return p;
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static Scenario scenario() throws ScenarioException {
        return ScenarioFormat.parse(ScenarioFormatTest.GOOD);
    }

    // ------------------------------------------------------------------ reading

    @Test
    void aPipeIsRefusedAtOnceNotOpened(@TempDir Path dir) throws Exception {
        Path pipe = fifo(dir, "pipe.json");
        ScenarioException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ScenarioException.class, () -> ScenarioFormat.read(pipe)));
        assertEquals("not a regular file (a pipe, a device or a socket): " + pipe, e.getMessage());
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, pipe);
        e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ScenarioException.class, () -> ScenarioFormat.read(link)));
        assertEquals("not a regular file (a pipe, a device or a socket): " + link, e.getMessage());
        Path csv = fifo(dir, "pipe.csv");
        e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ScenarioException.class, () -> DatasetFormat.read(csv)));
        assertEquals("not a regular file (a pipe, a device or a socket): " + csv, e.getMessage());
    }

    @Test
    void aDeviceAndAFolderAreRefused(@TempDir Path dir) {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        ScenarioException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ScenarioException.class, () -> ScenarioFormat.read(zero)));
        assertEquals("not a regular file (a pipe, a device or a socket): /dev/zero", e.getMessage());
        assertEquals("not a regular file (a pipe, a device or a socket): /dev/zero",
                assertThrows(ScenarioException.class, () -> DatasetFormat.read(zero)).getMessage());
        assertEquals("a folder, not a file: " + dir, assertThrows(ScenarioException.class, () -> ScenarioFormat.read(dir)).getMessage());
        assertEquals("no such file: " + dir.resolve("none.json"),
                assertThrows(ScenarioException.class, () -> ScenarioFormat.read(dir.resolve("none.json"))).getMessage());
    }

    @Test
    void aFileOverTheCapIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 30); // 1 GB, sparse: no disk space used
        }
        ScenarioException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ScenarioException.class, () -> ScenarioFormat.read(big)));
        assertEquals("larger than 256 MB, the most this app reads from a file: " + big, e.getMessage());
        Path csv = dir.resolve("big.csv");
        Files.move(big, csv);
        assertEquals("larger than 256 MB, the most this app reads from a file: " + csv,
                assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ScenarioException.class, () -> DatasetFormat.read(csv))).getMessage());
    }

    @Test
    void theCapCountsWhatIsReadNotWhatTheSizeSays(@TempDir Path dir) throws Exception {
        // files under /proc say their size is 0 and hold more
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0);
        ScenarioException e = assertThrows(ScenarioException.class, () -> SafeFiles.readAll(status, 100));
        assertEquals("larger than 100 bytes, the most this app reads from a file: " + status, e.getMessage());
        Path f = dir.resolve("ten.txt");
        Files.writeString(f, "0123456789");
        assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII), SafeFiles.readAll(f, 10));
        assertThrows(ScenarioException.class, () -> SafeFiles.readAll(f, 9));
        try (var in = SafeFiles.open(status, 100)) { // the stream a CSV is read through counts too
            IOException tooMuch = assertThrows(IOException.class, in::readAllBytes);
            assertEquals("larger than 100 bytes, the most this app reads from a file: " + status, tooMuch.getMessage());
        }
    }

    // ------------------------------------------------------------------ writing

    @Test
    void saveKeepsTheFilesMode(@TempDir Path dir) throws Exception {
        assumeTrue(posix());
        for (String mode : List.of("rw-rw-r--", "rw-------", "rw-r-----", "rw-rw-rw-")) {
            Path f = dir.resolve(mode + ".json");
            ScenarioFormat.write(scenario(), f);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            ScenarioFormat.write(scenario().withName("again"), f);
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), mode);
            assertEquals("again", ScenarioFormat.read(f).name());
        }
        // a new file gets the mode any new file gets here (the umask's), not a temporary file's 0600
        Path probe = Files.createFile(dir.resolve("probe"));
        Path fresh = dir.resolve("fresh.json");
        ScenarioFormat.write(scenario(), fresh);
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(fresh));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void saveFollowsALinkToItsTarget(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("target.json");
        Path links = Files.createDirectories(dir.resolve("links"));
        ScenarioFormat.write(scenario(), real);
        if (posix()) Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = links.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("../real/target.json")); // relative, as ln -s makes them
        Path chain = links.resolve("chain.json");
        Files.createSymbolicLink(chain, link);

        ScenarioFormat.write(scenario().withName("through the link"), chain);
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chain), "the links are still links");
        assertEquals("through the link", ScenarioFormat.read(real).name());
        if (posix()) assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));

        // a link to a file that does not exist yet: the file is made where the link points
        Path dangling = links.resolve("later.json");
        Files.createSymbolicLink(dangling, Path.of("../real/later.json"));
        ScenarioFormat.write(scenario().withName("later"), dangling);
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("later", ScenarioFormat.read(dir.resolve("real/later.json")).name());
        for (Path d : List.of(real.getParent(), links)) {
            try (Stream<Path> s = Files.list(d)) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left in " + d);
            }
        }
    }

    @Test
    void onlyTheAppsOwnStaleTemporaryFilesAreRemoved(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        long deadPid = gone.pid();
        assumeFalse(ProcessHandle.of(deadPid).isPresent(), "the pid was reused at once");
        long myPid = ProcessHandle.current().pid();
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(2)));

        Path deadOnes = Files.writeString(dir.resolve(".scenario-" + deadPid + "-123.tmp"), "{");
        Path mine = Files.writeString(dir.resolve(".scenario-" + myPid + "-456.tmp"), "{"); // this process may be saving
        Path oldStyleFresh = Files.writeString(dir.resolve(".scenario-8812.tmp"), "{");
        Path oldStyleOld = Files.writeString(dir.resolve(".scenario-8813.tmp"), "{");
        Files.setLastModifiedTime(oldStyleOld, old);
        Path notOurs = Files.writeString(dir.resolve(".scenario-notes.tmp"), "mine");
        Path notOurs2 = Files.writeString(dir.resolve("scenario-1.tmp"), "mine");
        Path notOurs3 = Files.writeString(dir.resolve(".scenario-1.tmp.bak"), "mine");
        for (Path p : List.of(notOurs, notOurs2, notOurs3)) Files.setLastModifiedTime(p, old);
        Path folder = Files.createDirectory(dir.resolve(".scenario-" + deadPid + "-7.tmp"));
        Path outside = Files.writeString(Files.createDirectory(dir.resolve("elsewhere")).resolve("precious.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve(".scenario-" + deadPid + "-8.tmp"), outside);
        Files.setLastModifiedTime(outside, old);

        assertEquals(2, SafeFiles.removeStaleTemps(dir));
        assertFalse(Files.exists(deadOnes));
        assertFalse(Files.exists(oldStyleOld));
        for (Path kept : List.of(mine, oldStyleFresh, notOurs, notOurs2, notOurs3, folder, outside)) {
            assertTrue(Files.exists(kept), kept + " is kept");
        }
        assertTrue(Files.exists(link, LinkOption.NOFOLLOW_LINKS), "a link is never removed");
        assertEquals("keep", Files.readString(outside));
        assertEquals(0, SafeFiles.removeStaleTemps(dir.resolve("no-such-folder")));
    }

    @Test
    void aSaveInterruptedBeforeTheRenameLeavesTheOldFileWhole(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        ScenarioFormat.write(scenario(), f);
        String before = Files.readString(f);
        // a target that cannot be replaced: a folder in its place
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        Files.writeString(folder.resolve("inside"), "x");
        assertThrows(IOException.class, () -> ScenarioFormat.write(scenario().with(Param.B1, NDArray.vector(1, 2, 3)), folder));
        assertEquals(before, Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Set.of("s.json", "folder.json"), s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }
}
