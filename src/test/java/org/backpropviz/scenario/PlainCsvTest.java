package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.backpropviz.engine.train.Dataset;
import org.junit.jupiter.api.Test;

/** The plain-form reader gives what the general reader gives, to the bit, and declines everything else. */
class PlainCsvTest {
    private static Dataset general(byte[] text) throws ScenarioException {
        return DatasetFormat.readLines(new ByteArrayInputStream(text), "t.csv", "t", DatasetFormat.MAX_TEXT, Dataset.MAX_VALUES);
    }

    private static Dataset plain(String text) {
        return PlainCsv.parse(text.getBytes(StandardCharsets.US_ASCII), "t", DatasetFormat.MAX_TEXT, Dataset.MAX_VALUES);
    }

    private static void assertSame(Dataset expected, Dataset actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.x().shapeString(), actual.x().shapeString());
        double[] e = expected.x().toFlatArray(), a = actual.x().toFlatArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), "value " + i + ": " + e[i] + " read as " + a[i]);
        }
        assertArrayEquals(expected.labels(), actual.labels());
        assertEquals(expected.classNames(), actual.classNames());
    }

    @Test
    void theBuiltInDigitsReadTheSameBothWays() throws IOException, ScenarioException {
        byte[] text;
        try (InputStream in = new GZIPInputStream(DatasetFormat.class.getResourceAsStream("/assets/datasets/digits.csv.gz"))) {
            text = in.readAllBytes();
        }
        Dataset fast = PlainCsv.parse(text, "t", DatasetFormat.MAX_TEXT, Dataset.MAX_VALUES);
        assertNotNull(fast, "the digits are in the plain form");
        assertSame(general(text), fast);
        assertEquals(1797, fast.size());
        assertSame(DatasetFormat.readLines(new ByteArrayInputStream(text), "digits.csv", "digits", DatasetFormat.MAX_TEXT, Dataset.MAX_VALUES),
                DatasetFormat.builtIn("digits"));
    }

    @Test
    void decimalsNegativesAndLineEndsReadAsParseDoubleReadsThem() throws ScenarioException {
        String[] texts = {"1,0\n2,1\n", "1,0\n2,1", "-0,0\n0.,1\n.5,1\n-.25,0\n", "1,2,0\r\n3,4,1\r\n", "1,0\n\n\n2,1\n",
            "0.1,0.2,1\n1e0,2,0\n", "123456789012345,0\n0.000000000000001,1\n", "7.0,1.0\n8,0.0\n"};
        for (String t : texts) {
            Dataset g = general(t.getBytes(StandardCharsets.US_ASCII)), p = plain(t);
            if (t.contains("e0") || t.contains("0.000000000000001")) {
                assertNull(p, t); // an exponent, 16 digits: the general reader's
            } else {
                assertNotNull(p, t);
                assertSame(g, p);
            }
        }
        // random decimals of up to 15 digits: the quotient m / 10^k is parseDouble's to the bit
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < 2000; row++) {
            for (int c = 0; c < 5; c++) {
                long m = (long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(15)));
                String digits = Long.toString(m);
                int point = r.nextInt(digits.length() + 1);
                sb.append(r.nextBoolean() ? "-" : "").append(digits, 0, point).append('.').append(digits.substring(point)).append(',');
            }
            sb.append(r.nextInt(3)).append('\n');
        }
        Dataset p = plain(sb.toString());
        assertNotNull(p);
        assertSame(general(sb.toString().getBytes(StandardCharsets.US_ASCII)), p);
    }

    @Test
    void anythingElseIsLeftToTheGeneralReader() {
        String[] declined = {"a,b\n1,0\n2,1\n", "1;0\n2;1\n", "1, 0\n2,1\n", "1,0\n2,1,1\n", "1,0\n2,\n", "1,0\n2,1000\n", "1,0\n2,1.5\n",
            "1,0\n2,-1\n", "1,0\n1,0\n", "1\n2\n", "", "\n\n", "1,0\r2,1\r", "1,0\n2,1\r", "1,0\n--2,1\n", "1,0\n2.3.4,1\n", "NaN,0\n1,1\n",
            "\uFEFF1,0\n2,1\n", "1,0\n\r\n2,1\n"};
        for (String t : declined) assertNull(PlainCsv.parse(t.getBytes(StandardCharsets.UTF_8), "t", DatasetFormat.MAX_TEXT, Dataset.MAX_VALUES), t);
        // limits: values, text
        assertNull(PlainCsv.parse("1,2,0\n3,4,1\n".getBytes(StandardCharsets.US_ASCII), "t", DatasetFormat.MAX_TEXT, 3));
        assertNull(PlainCsv.parse("1,2,0\n3,4,1\n".getBytes(StandardCharsets.US_ASCII), "t", 5, Dataset.MAX_VALUES));
    }
}
