package org.backpropviz.scenario;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening, reading and replacing the files a user names, so that no file can hang the reader, exhaust memory or
 * lose what was there before.
 *
 * <p><b>Reading</b> refuses what is not a regular file before opening it (opening a named pipe for reading blocks
 * until someone writes to it; {@code /dev/zero} never ends), and stops at a cap ({@link #MAX_BYTES}) counted on
 * the bytes actually read, since a size on disk can be wrong ({@code /proc} files say 0). Each refusal is a
 * {@link ScenarioException} with one line that names the file. One race remains: a file swapped for a pipe between
 * the check and the open, by someone who can already write to its folder.
 *
 * <p><b>Replacing</b> writes a temporary file beside the target and renames it over the target, so that an
 * interrupted save leaves the old file whole. The target is the file a symbolic link points to (the link stays a
 * link), and the new file gets the old one's permissions (a new file gets the umask's, as any new file). The
 * temporary files are named {@code .scenario-PID-N.tmp}; {@link #removeStaleTemps} removes those an interrupted
 * save left behind.
 */
public final class SafeFiles {
    /** The most this app reads from one file: 256 MB. */
    public static final long MAX_BYTES = 256L << 20;
    /** A temporary file of a save: {@code .scenario-PID-N.tmp}, or {@code .scenario-N.tmp} of earlier versions. */
    private static final Pattern TEMP = Pattern.compile("\\.scenario-(?:(\\d{1,19})-)?\\d{1,20}\\.tmp");
    /** A temporary file older than this is left over, whichever process made it. */
    static final Duration STALE = Duration.ofHours(1);
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SafeFiles() {}

    /** Why a stream stopped: the file holds more than the cap. */
    public static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message, null);
        }
    }

    // ------------------------------------------------------------------ reading

    /** Reads a whole regular file of at most {@link #MAX_BYTES}. @throws ScenarioException naming the file */
    public static byte[] readAll(Path file) throws ScenarioException {
        return readAll(file, MAX_BYTES);
    }

    /** Reads a whole regular file of at most {@code cap} bytes. @throws ScenarioException naming the file */
    public static byte[] readAll(Path file, long cap) throws ScenarioException {
        BasicFileAttributes a = regularFile(file);
        if (a.size() > cap) throw new ScenarioException(tooLarge(file, cap));
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(in, a.size(), cap, file);
        } catch (TooLarge e) {
            throw new ScenarioException(e.getMessage());
        } catch (IOException e) {
            throw new ScenarioException(cannotRead(file, e));
        }
    }

    /**
     * Opens a regular file for reading; the stream throws {@link TooLarge} (an IOException naming the file) once more
     * than {@code cap} bytes are read. @throws ScenarioException naming the file
     */
    public static InputStream open(Path file, long cap) throws ScenarioException {
        BasicFileAttributes a = regularFile(file);
        if (a.size() > cap) throw new ScenarioException(tooLarge(file, cap));
        try {
            return capped(Files.newInputStream(file), cap, file.toString());
        } catch (IOException e) {
            throw new ScenarioException(cannotRead(file, e));
        }
    }

    /** {@link #open(Path, long)} with the cap of {@link #MAX_BYTES}. */
    public static InputStream open(Path file) throws ScenarioException {
        return open(file, MAX_BYTES);
    }

    /** A stream that throws {@link TooLarge} once more than {@code cap} bytes are read from {@code in} (a gzip stream's output, say). */
    public static InputStream capped(InputStream in, long cap, String name) {
        return new Capped(in, cap, name);
    }

    /** The file's attributes if it is a regular file (links followed); else one line saying what it is. */
    private static BasicFileAttributes regularFile(Path file) throws ScenarioException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("no such file: " + file);
        } catch (IOException | SecurityException e) {
            throw new ScenarioException(cannotRead(file, e));
        }
        if (a.isDirectory()) throw new ScenarioException("a folder, not a file: " + file);
        if (!a.isRegularFile()) throw new ScenarioException("not a regular file (a pipe, a device or a socket): " + file);
        return a;
    }

    /** Reads to the end, at most {@code cap} bytes, into one array sized by the size on disk when that is right. */
    private static byte[] readAtMost(InputStream in, long sizeHint, long cap, Path file) throws IOException {
        int limit = (int) Math.min(cap, Integer.MAX_VALUE - 16);
        byte[] buf = new byte[(int) Math.min(Math.max(sizeHint, 0), limit)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                int next = in.read(); // the size on disk was reached: is there more?
                if (next < 0) return buf;
                if (n >= limit) throw new TooLarge(tooLarge(file, cap));
                buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(8192, 2L * n)));
                buf[n++] = (byte) next;
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) return Arrays.copyOf(buf, n);
            n += r;
        }
    }

    static String tooLarge(Object file, long cap) {
        String limit = cap >= (1 << 20) && cap % (1 << 20) == 0 ? (cap >> 20) + " MB" : cap + " bytes";
        return "larger than " + limit + ", the most this app reads from a file: " + file;
    }

    /** "cannot read FILE: permission denied", with the system's reason where it gives one. */
    static String cannotRead(Path file, Exception e) {
        String why;
        if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof FileSystemException f && f.getReason() != null) why = f.getReason();
        else if (e.getMessage() != null) why = e.getMessage();
        else why = e.getClass().getSimpleName();
        return "cannot read " + file + ": " + why;
    }

    /** Counts what is read and stops past the cap. */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private final String name;
        private long count;

        Capped(InputStream in, long cap, String name) {
            super(in);
            this.cap = cap;
            this.name = name;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > cap) throw new TooLarge(tooLarge(name, cap));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) add(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) add(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            if (s > 0) add(s);
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * Replaces the file's content atomically: a temporary file beside the target, then a rename. A link is followed
     * to its target and stays a link; the target keeps its permissions (and group, where allowed).
     */
    public static void replace(Path file, byte[] content) throws IOException {
        Path target = followLinks(file);
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        PosixFileAttributes old = null;
        try {
            PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class);
            if (a.isRegularFile()) old = a;
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            old = null; // a new file, or a system without POSIX permissions
        }
        Path tmp = createTemp(dir, old == null ? null : old.permissions());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true); // on disk before the rename, so that a crash leaves the old file or the new, never an empty one
            }
            if (old != null) {
                PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                view.setPermissions(old.permissions());
                try {
                    view.setGroup(old.group());
                } catch (IOException e) {
                    // not a member of the file's group: the file gets ours, as any new file would
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The path a chain of symbolic links ends at (which may not exist yet); the path itself when it is no link. */
    static Path followLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) return p;
            p = p.resolveSibling(Files.readSymbolicLink(p)); // relative to the link's folder; an absolute target as is
        }
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
    }

    /** A new empty file {@code .scenario-PID-N.tmp} in {@code dir}: with the target's permissions (and the owner's write), else the umask's. */
    private static Path createTemp(Path dir, Set<PosixFilePermission> like) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(".scenario-" + pid + "-" + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                if (like == null) return Files.createFile(tmp);
                Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                mode.addAll(like);
                return Files.createFile(tmp, PosixFilePermissions.asFileAttribute(mode));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /**
     * Removes the temporary files that interrupted saves left in {@code dir}: {@code .scenario-PID-N.tmp} whose
     * process is gone, and any of the app's temporary files not touched for an hour. Only regular files of this
     * user's with exactly that name are removed, never a link or a folder. Never throws; returns how many it removed.
     */
    public static int removeStaleTemps(Path dir) {
        int removed = 0;
        UserPrincipal me;
        try {
            me = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | RuntimeException e) {
            return 0; // who owns what cannot be told: remove nothing
        }
        Instant staleBefore = Instant.now().minus(STALE);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".scenario-*.tmp")) {
            for (Path p : files) {
                try {
                    Matcher m = TEMP.matcher(p.getFileName().toString());
                    if (!m.matches()) continue;
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!a.isRegularFile()) continue;
                    boolean stale = a.lastModifiedTime().toInstant().isBefore(staleBefore);
                    if (!stale && m.group(1) != null) {
                        long pid = Long.parseLong(m.group(1));
                        stale = pid != self && ProcessHandle.of(pid).isEmpty();
                    }
                    if (!stale || !me.equals(Files.getOwner(p, LinkOption.NOFOLLOW_LINKS))) continue;
                    if (Files.deleteIfExists(p)) removed++;
                } catch (IOException | RuntimeException e) {
                    // this one stays; the others are still looked at
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that is gone or cannot be listed: nothing to remove
        }
        return removed;
    }
}
