package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's side of a run, without a window: what it posts, and when it leaves the CPU to the window. */
class TrainingRunTest {
    private static final org.backpropviz.app.i18n.Messages EN = org.backpropviz.app.i18n.Messages.english();
    private static TrainingModel.Settings iris(int epochs) {
        return new TrainingModel.Settings(TrainingModel.Source.IRIS, null, null, true, 0.2, 10, 0.01, 0.2, 10,
                TrainingModel.Limit.EPOCHS, epochs, 1000, 1, 0, 0);
    }

    @Test
    void aRunLetsTheWindowDrawItsStartBeforeItLoadsTheDataAndAgainBeforeItIterates() {
        List<TrainingUpdate> posted = new ArrayList<>();
        List<Integer> postedAtEachWait = new ArrayList<>();
        TrainingRun run = new TrainingRun(iris(5), 1, posted::add, () -> postedAtEachWait.add(posted.size()));
        run.loop();

        assertEquals(2, postedAtEachWait.size(), "two waits: " + postedAtEachWait);
        assertEquals(0, postedAtEachWait.get(0), "the click's frame comes before the data is loaded");
        List<TrainingUpdate> beforeIterating = posted.subList(0, postedAtEachWait.get(1));
        assertTrue(beforeIterating.stream().anyMatch(u -> u.dataInfo() != null && u.dataInfo().startsWith("iris|150|4|3|")),
                "the data's description is drawn before the first iteration");
        assertEquals(TrainingModel.State.RUNNING, beforeIterating.get(beforeIterating.size() - 1).state());
        assertTrue(beforeIterating.stream().allMatch(u -> u.loss().isEmpty() && u.epochs().isEmpty()),
                "no iteration ran before the start was drawn");

        TrainingUpdate last = posted.get(posted.size() - 1);
        assertEquals(TrainingModel.State.FINISHED, last.state());
        assertEquals(5, last.results().epochs());
        int losses = posted.stream().mapToInt(u -> u.loss().size()).sum();
        assertEquals(5 * 12, losses, "every iteration's loss was posted (120 training rows in batches of 10, 5 epochs)");
    }

    @Test
    void aResumedRunWaitsOnlyForTheFrameThatShowsItRunning() {
        List<TrainingUpdate> posted = new ArrayList<>();
        int[] waits = {0};
        TrainingRun run = new TrainingRun(iris(2000), 1, posted::add, () -> waits[0]++);
        run.step(); // loads the data and runs one iteration, then pauses
        assertEquals(TrainingModel.State.PAUSED, posted.get(posted.size() - 1).state());
        run.requestStop();
        run.loop(); // resumed, and stopped before its first iteration
        assertEquals(1, waits[0]);
        assertEquals(TrainingModel.State.FINISHED, posted.get(posted.size() - 1).state());
    }

    private static TrainingModel.Settings scenario(org.backpropviz.engine.NetInputs in) {
        return new TrainingModel.Settings(TrainingModel.Source.SCENARIO, null, in, true, 0.25, 10, 0.01, 0.2, 10,
                TrainingModel.Limit.EPOCHS, 5, 1000, 1, 0, 0);
    }

    /** What the post consumer sees; it throws once, when {@code when} first holds, as a full heap would. */
    private static java.util.function.Consumer<TrainingUpdate> throwingOnce(List<TrainingUpdate> posted,
                                                                            java.util.function.Predicate<TrainingUpdate> when) {
        boolean[] thrown = {false};
        return u -> {
            if (!thrown[0] && when.test(u)) {
                thrown[0] = true;
                throw new OutOfMemoryError("Java heap space");
            }
            posted.add(u);
        };
    }

    @Test
    void anOutOfMemoryErrorWhileLoadingEndsTheRunWithAMessage() {
        List<TrainingUpdate> posted = new ArrayList<>();
        TrainingRun run = new TrainingRun(iris(5), 1, throwingOnce(posted, u -> u.dataInfo() != null), () -> {});
        run.loop();
        TrainingUpdate last = posted.get(posted.size() - 1);
        assertEquals(TrainingModel.State.FAILED, last.state());
        assertEquals(EN.get("run.outOfMemory"), EN.get(last.error()));
    }

    @Test
    void anOutOfMemoryErrorWhileRunningEndsTheRunWithAMessage() {
        List<TrainingUpdate> posted = new ArrayList<>();
        TrainingRun run = new TrainingRun(iris(5), 1, throwingOnce(posted, u -> u.state() == TrainingModel.State.RUNNING), () -> {});
        run.loop();
        TrainingUpdate last = posted.get(posted.size() - 1);
        assertEquals(TrainingModel.State.FAILED, last.state());
        assertEquals(EN.get("run.outOfMemory"), EN.get(last.error()));

        posted.clear();
        TrainingRun stepped = new TrainingRun(iris(5), 1, throwingOnce(posted, u -> u.state() == TrainingModel.State.PAUSED), () -> {});
        stepped.step();
        assertEquals(TrainingModel.State.FAILED, posted.get(posted.size() - 1).state());
    }

    /** A scenario's t may hold any number: a huge one is not a class to allocate 100 million names for. */
    @Test
    void aScenarioLabelBeyondTheClassLimitIsRefused() {
        org.backpropviz.engine.NetInputs in = LearnDemo.preset("batch-of-4");
        in = in.with(org.backpropviz.engine.Param.T, org.backpropviz.engine.NDArray.vector(0, 1, 100000000, 1).asInteger());
        List<TrainingUpdate> posted = new ArrayList<>();
        TrainingRun run = new TrainingRun(scenario(in), 1, posted::add, () -> {});
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), run::loop);
        TrainingUpdate last = posted.get(posted.size() - 1);
        assertEquals(TrainingModel.State.FAILED, last.state());
        assertEquals(EN.get("data.scenarioClasses", "100000000", 999, 1000), EN.get(last.error()));
    }
}
