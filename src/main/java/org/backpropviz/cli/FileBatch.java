package org.backpropviz.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioException;
import org.backpropviz.scenario.ScenarioFormat;

/**
 * {@code run} and {@code gradcheck} over several files: one bad file never stops the batch. Each file gets exactly
 * one line on standard output, in argument order, with its {@code "file"}: what the command computed, or
 * {@code "invalid"} (the file was refused when read: its message, once, and nothing on standard error), or
 * {@code "failed"} (the engine failed on it: out of memory, or an internal error, without a stack trace). The exit
 * status is the worst of the files': 0 all done, 1 a file stopped at a NumPy error, 2 a file invalid or failed.
 */
final class FileBatch {
    /** What a command does with one scenario: fills its line and returns {@link Cli#OK} or {@link Cli#SHAPE_ERROR}. */
    interface Work {
        int fill(Scenario s, ObjectNode line);
    }

    private FileBatch() {}

    static int run(String[] files, PrintStream out, Work work) {
        int status = Cli.OK;
        for (String file : files) {
            String line;
            int s;
            try {
                Scenario scenario = ScenarioFormat.read(Path.of(file));
                ObjectNode o = Json.F.objectNode().put("file", file);
                s = work.fill(scenario, o);
                line = Json.line(o); // inside: a line too large for the memory fails this file only
            } catch (ScenarioException e) {
                line = Json.line(Json.F.objectNode().put("file", file).put("invalid", e.getMessage()));
                s = Cli.INVALID;
            } catch (InvalidPathException e) {
                line = Json.line(Json.F.objectNode().put("file", file).put("invalid", "not a file name: " + e.getReason()));
                s = Cli.INVALID;
            } catch (Throwable e) { // OutOfMemoryError and any other failure of the engine: this file's line
                line = Json.line(Json.F.objectNode().put("file", file).put("failed", failure(e)));
                s = Cli.INVALID;
            }
            out.println(line);
            status = Math.max(status, s);
        }
        return status;
    }

    /** One line for a failure: a full heap in plain words, anything else by its kind and message. */
    static String failure(Throwable e) {
        if (e instanceof OutOfMemoryError) return "out of memory: the Java heap is too small for this scenario's arrays";
        return Cli.failure(e);
    }
}
