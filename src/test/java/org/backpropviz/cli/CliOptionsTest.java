package org.backpropviz.cli;

import static org.backpropviz.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options of {@code train} and {@code bench}: the window's limits, each refusal one line on standard error that
 * names the option, exit status 2, and nothing run.
 */
class CliOptionsTest {
    /** One line on standard error, that line, exit status 2, nothing on standard output. */
    private static void refused(String expected, String... args) {
        CliTest.Result r = run(args);
        String shown = String.join(" ", args);
        assertEquals(2, r.status(), shown + "\n" + r.err());
        assertEquals(expected + "\n", r.err(), shown);
        assertEquals("", r.out(), shown);
    }

    @Test
    void trainTakesTheWindowsLimitsAndNamesTheOption() {
        refused("train: --hidden: \"2147483647\" is not a whole number from 1 to 1000", "train", "--data", "iris", "--hidden", "2147483647");
        refused("train: --hidden: \"100000000\" is not a whole number from 1 to 1000", "train", "--data", "iris", "--hidden", "100000000");
        refused("train: --hidden: \"0\" is not a whole number from 1 to 1000", "train", "--data", "iris", "--hidden", "0");
        refused("train: --batch: \"100000000\" is not a whole number from 1 to 10000", "train", "--data", "iris", "--batch", "100000000");
        refused("train: --epochs: \"100001\" is not a whole number from 1 to 100000", "train", "--data", "iris", "--epochs", "100001");
        refused("train: --epochs: \"0\" is not a whole number from 1 to 100000", "train", "--data", "iris", "--epochs", "0");
        refused("train: --seed: \"-1\" is not a whole number from 0 to 2147483647", "train", "--data", "iris", "--seed", "-1");
        refused("train: --seed: \"2147483648\" is not a whole number from 0 to 2147483647", "train", "--data", "iris", "--seed", "2147483648");
        refused("train: --plateau: \"10001\" is not a whole number from 0 to 10000", "train", "--data", "iris", "--plateau", "10001");
        refused("train: --lr: \"0\" is not a number greater than 0", "train", "--data", "iris", "--lr", "0");
        refused("train: --lr: \"1e999\" is not a number greater than 0", "train", "--data", "iris", "--lr", "1e999");
        refused("train: --init-std: \"-0.01\" is not a number greater than 0", "train", "--data", "iris", "--init-std", "-0.01");
        refused("train: --test-fraction: \"1\" is not a number between 0 and 1", "train", "--data", "iris", "--test-fraction", "1");
        refused("train: --test-fraction: \"0\" is not a number between 0 and 1", "train", "--data", "iris", "--test-fraction", "0");
        refused("train: --target-accuracy: \"5\" is not a number from 0 to 1", "train", "--data", "iris", "--target-accuracy", "5");
        refused("train: --target-accuracy: \"-1\" is not a number from 0 to 1", "train", "--data", "iris", "--target-accuracy", "-1");
    }

    @Test
    void trainRefusesRepeatedUnknownAndValuelessOptions() {
        refused("train: --data is given twice", "train", "--data", "iris", "--data", "digits");
        refused("train: --epochs is given twice", "train", "--data", "iris", "--epochs", "2", "--epochs=3");
        refused("train: unknown option --foo", "train", "--data", "iris", "--foo", "1");
        refused("train: unknown option --foo", "train", "--data", "iris", "--foo");
        refused("train: --hidden needs a value", "train", "--data", "iris", "--hidden");
        refused("train: --hidden needs a value", "train", "--data", "iris", "--hidden", "--lr", "0.1");
        refused("train: --hidden needs a value", "train", "--data", "iris", "--hidden=");
        refused("train: --no-scale takes no value", "train", "--data", "iris", "--no-scale=yes");
        refused("train: unexpected argument \"iris\"", "train", "iris");
        refused("train: --data iris|digits|FILE.csv is required", "train", "--hidden", "5");
        refused("train: --data needs a value", "train", "--hidden", "5", "--data");
    }

    @Test
    void anOptionCanBeGivenWithAnEqualsSign() throws Exception {
        CliTest.Result r = run("train", "--data=iris", "--hidden=5", "--epochs=2", "--plateau=0");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = r.lines();
        JsonNode done = lines.get(lines.size() - 1);
        assertEquals(5, done.get("hidden").asInt());
        assertEquals(2, done.get("epochs").asInt());
        assertEquals("", r.err());
    }

    /** Iris leaves 120 training rows: a larger batch is each iteration's whole training set, with a warning. */
    @Test
    void aBatchLargerThanTheTrainingRowsIsClampedWithAWarning() throws Exception {
        CliTest.Result r = run("train", "--data", "iris", "--batch", "10000", "--epochs", "3");
        assertEquals(0, r.status(), r.err());
        assertEquals("train: --batch 10000 is more than the 120 training rows: each iteration takes all 120\n", r.err());
        List<JsonNode> lines = r.lines();
        JsonNode done = lines.get(lines.size() - 1);
        assertEquals(120, done.get("batch").asInt());
        assertEquals(3, done.get("iterations").asInt());
        CliTest.Result same = run("train", "--data", "iris", "--batch", "120", "--epochs", "3");
        assertEquals(same.lines().get(2).get("loss"), lines.get(2).get("loss"), "the same numbers as a batch of 120");
    }

    @Test
    void benchNamesItsBoundsAndUnknownOptions() {
        refused("bench: unknown option --foo", "bench", "--foo");
        refused("bench: unknown option --foo", "bench", "--foo", "3");
        refused("bench: --batch: \"zero\" is not a whole number from 1 to 10000", "bench", "--batch", "zero");
        refused("bench: --batch: \"10001\" is not a whole number from 1 to 10000", "bench", "--batch", "10001", "--seconds", "0.1");
        refused("bench: --in: \"10001\" is not a whole number from 1 to 10000", "bench", "--in", "10001", "--seconds", "0.1");
        refused("bench: --hidden: \"1001\" is not a whole number from 1 to 1000", "bench", "--hidden", "1001", "--seconds", "0.1");
        refused("bench: --classes: \"1001\" is not a whole number from 1 to 1000", "bench", "--classes", "1001", "--seconds", "0.1");
        refused("bench: --seconds: \"0\" is not a number greater than 0 and at most 600", "bench", "--seconds", "0");
        refused("bench: --batch 10000, --in 10000, --hidden 50 and --classes 10 need about 1.5 GB for one pass; at most 512 MB",
                "bench", "--batch", "10000", "--in", "10000", "--seconds", "0.1");
        refused("bench: --batch 10000, --in 784, --hidden 1000 and --classes 1000 need about 757 MB for one pass; at most 512 MB",
                "bench", "--batch", "10000", "--hidden", "1000", "--classes", "1000", "--seconds", "0.1");
        refused("bench: --ejml is given twice", "bench", "--ejml", "--ejml");
        refused("bench: --ejml takes no value", "bench", "--ejml=1");
    }

    @Test
    void benchTakesEqualsSigns() throws Exception {
        CliTest.Result r = run("bench", "--batch=1", "--in=2", "--hidden=3", "--classes=3", "--seconds=0.1");
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.lines().get(0).get("in").asInt());
        assertFalse(r.err().contains("Exception"));
        assertTrue(r.err().isEmpty(), r.err());
    }
}
