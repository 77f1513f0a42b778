package org.backpropviz.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;

class ArrayParserTest {
    @Test
    void readsNumpyTextOfRanksZeroToTwo() {
        assertEquals(NDArray.scalar(3), ArrayParser.parse(" 3 "));
        assertEquals(NDArray.vector(0.057618, 0.04088931), ArrayParser.parse(PlaygroundModel.LESSON_X));
        assertEquals(NDArray.matrix(new double[][] {{1, 2}, {3, 4}}), ArrayParser.parse("[[1, 2], [3, 4]]"));
        assertEquals(NDArray.matrix(new double[][] {{1, 2}, {3, 4}}), ArrayParser.parse("[[1. 2.]\n [3. 4.]]"));
        assertEquals(NDArray.vector(-1e-3, 2.5), ArrayParser.parse("[-1e-3,2.5,]"));
    }

    @Test
    void refusesBadTextWithAReason() {
        assertEquals("parse.ragged", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("[[1, 2], [3]]")).key);
        assertEquals("parse.trailing", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("[1, 2] 3")).key);
        assertEquals("parse.rank3", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("[[[1]]]")).key);
        assertEquals("parse.emptyRow", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("[]")).key);
        assertEquals("parse.notNumber", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("[1, 2e]")).key);
        assertEquals("parse.expected", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("[1, 2")).key);
        assertEquals("parse.empty", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("  ")).key);
        assertEquals("parse.expectedNumber", assertThrows(ArrayParser.BadText.class, () -> ArrayParser.parse("[1, x]")).key);
    }
}
