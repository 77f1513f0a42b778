package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker's side of a run, without a window: what it posts, and when it leaves the CPU to the window. */
class TrainingRunTest {
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
}
