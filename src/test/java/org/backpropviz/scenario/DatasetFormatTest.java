package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.backpropviz.engine.train.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV data sets that are too big or wrong: one message naming the line, memory bounded, never an exception's name. */
class DatasetFormatTest {
    private static String refused(Path file) {
        return assertThrows(ScenarioException.class, () -> DatasetFormat.read(file)).getMessage();
    }

    private static final String LABEL_RULE = "is not a class number from 0 to 999 (a data set has at most 1000 classes)";

    /** The 178-byte file: its label 100000000 made the reader name 100 million classes (6 GB). */
    @Test
    void aHugeLabelIsRefusedOnItsLineWithoutAllocatingItsClasses(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("huge.csv");
        Files.writeString(csv, "sepal_length,sepal_width,petal_length,petal_width,label\n"
                + "5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.4,3.2,4.5,1.5,1\n6.3,3.3,6.0,2.5,100000000\n");
        String m = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(csv));
        assertEquals("huge.csv, line 6, column 5: the label 100000000 " + LABEL_RULE, m);
    }

    @Test
    void labelsBeyondAnIntOrNotWholeAreNamedAsLabelsNotAsOneClass(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        for (String label : new String[] {"3000000000", "2147483648", "1e308", "-1", "1.5", "1000", "NaN", "abc"}) {
            Files.writeString(csv, "x1,x2,label\n0.1,0.2," + label + "\n0.3,0.4," + label + "\n");
            assertEquals("labels.csv, line 2, column 3: the label " + label + " " + LABEL_RULE, refused(csv), label);
        }
        Files.writeString(csv, "0.1,0.2,999\n0.3,0.4,0\n");
        Dataset d = DatasetFormat.read(csv);
        assertEquals(1000, d.classes(), "999 is the largest class number");
    }

    @Test
    void aRowOfSeparatorsIsNamedByItsLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("commas.csv");
        Files.writeString(csv, ",,,\n1,2,3,0\n");
        assertEquals("commas.csv, line 1: the row has only empty cells", refused(csv));
        Files.writeString(csv, "a,b,c,label\n1,2,3,0\n,,,\n4,5,6,1\n");
        assertEquals("commas.csv, line 3: the row has only empty cells", refused(csv));
        Files.writeString(csv, "1,2,3,0\n4,,6,1\n");
        assertEquals("commas.csv, line 2, column 2: the cell is empty", refused(csv));
        Files.writeString(csv, "1,2,3,0\n4,5,6,\n");
        assertEquals("commas.csv, line 2, column 4: the label cell is empty", refused(csv));
    }

    @Test
    void tooManyFeaturesOrCharactersOnALineAreRefusedWithTheLimit(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, "0,".repeat(Dataset.MAX_FEATURES + 1) + "0\n");
        assertEquals("wide.csv, line 1: 10001 features; a data set has at most 10000", refused(csv));
        Files.writeString(csv, "0,1\n" + "1".repeat(DatasetFormat.MAX_LINE + 1) + ",0\n");
        assertEquals("wide.csv, line 2: longer than 1048576 characters", refused(csv));
    }

    /**
     * A small gzip file can hold far more text than it weighs: the reader stops at the limit on values (here 100,000
     * instead of the application's 10,000,000, which would take seconds to write and read).
     */
    @Test
    void moreValuesThanTheLimitAreRefusedAtTheRowThatCrossesIt(@TempDir Path dir) throws Exception {
        assertEquals(10_000_000, Dataset.MAX_VALUES);
        Path gz = dir.resolve("many.csv.gz");
        int features = 100, limit = 100_000;
        String row = "0,".repeat(features) + "1\n";
        int rows = limit / features + 1;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz));
             Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) w.write(row);
        }
        String m = assertThrows(ScenarioException.class,
                () -> DatasetFormat.read(Files.newInputStream(gz), "many.csv.gz", "many", DatasetFormat.MAX_TEXT, limit)).getMessage();
        assertEquals("many.csv.gz, line " + rows + ": more than 100000 values (rows × features); a data set holds at most that many", m);
        Files.write(gz, new byte[0]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz));
             Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows - 1; i++) w.write(row);
        }
        Dataset d = DatasetFormat.read(Files.newInputStream(gz), "many.csv.gz", "many", DatasetFormat.MAX_TEXT, limit);
        assertEquals(rows - 1, d.size(), "rows up to the limit are read");
    }

    /** Ten megabytes of newlines weigh ten kilobytes in gzip: the reader stops at its limit on text (here 10 MB). */
    @Test
    void aGzipFileOfEndlessBlankLinesStopsAtTheLimitOnText(@TempDir Path dir) throws IOException {
        assertEquals(256L << 20, DatasetFormat.MAX_TEXT);
        Path gz = dir.resolve("blank.csv.gz");
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) '\n');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            for (int i = 0; i <= 10; i++) out.write(block);
        }
        assertTrue(Files.size(gz) < 100_000, "a small file: " + Files.size(gz));
        String m = assertThrows(ScenarioException.class,
                () -> DatasetFormat.read(Files.newInputStream(gz), "blank.csv.gz", "blank", 10L << 20, Dataset.MAX_VALUES)).getMessage();
        assertEquals("blank.csv.gz: more than 10485760 characters of text", m);
    }
}
