package org.backpropviz.scenario;

import java.nio.file.Path;

/** Lets tests in other packages make the hostile files of {@link HostileFilesTest}. */
public final class HostileFilesTestAccess {
    private HostileFilesTestAccess() {}

    /** A named pipe in {@code dir}; skips the calling test where {@code mkfifo} is missing. */
    public static Path fifo(Path dir, String name) throws Exception {
        return HostileFilesTest.fifo(dir, name);
    }
}
