package org.backpropviz.app;

import org.backpropviz.app.i18n.Messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Korean bundles have the same keys, valid patterns, and every key the views ask for. */
class MessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/backpropviz/app/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndKoreanHaveTheSameKeysAndValidPatterns() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ko.stringPropertyNames()));
        for (Properties p : new Properties[] {en, ko}) {
            for (String k : p.stringPropertyNames()) new MessageFormat(p.getProperty(k), Locale.ROOT); // throws if malformed
        }
        assertEquals("다음: Affine2 · 역전파", new Messages(Locale.KOREAN).get("status.next", "Affine2", "역전파"));
        assertEquals("next: Affine2 · backward", new Messages(Locale.GERMAN).get("status.next", "Affine2", "backward"));
    }

    private static final List<String> BUNDLES = List.of("messages", "learn/learn", "playground/playground", "control/control", "editor/editor");

    @Test
    void everyBundleHasTheSameKeysInKoreanAndNoKeyIsInTwoBundles() throws IOException {
        TreeSet<String> seen = new TreeSet<>();
        for (String b : BUNDLES) {
            Properties en = load(b + ".properties"), ko = load(b + "_ko.properties");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ko.stringPropertyNames()), b);
            for (Properties p : new Properties[] {en, ko}) {
                for (String k : p.stringPropertyNames()) new MessageFormat(p.getProperty(k), Locale.ROOT); // throws if malformed
            }
            for (String k : en.stringPropertyNames()) assertTrue(seen.add(k), k + " is in two bundles (" + b + ")");
        }
        // one lookup reads them all, in the language asked for
        assertEquals("기울기 확인", new Messages(Locale.KOREAN).get("tab.gradcheck"));
        assertEquals(load("learn/learn_ko.properties").getProperty("gc.run"), new Messages(Locale.KOREAN).get("gc.run"));
        assertEquals(load("playground/playground.properties").getProperty("pick"), Messages.english().get("pick"));
    }

    @Test
    void everyLiteralKeyInTheAppExists() throws IOException {
        Properties en = new Properties();
        for (String b : BUNDLES) en.putAll(load(b + ".properties"));
        Pattern literal = Pattern.compile("(?:text\\.get|Msg\\.of)\\(\"([a-zA-Z0-9.\\-]+)\"\\s*[,)]");
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/backpropviz/app"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) if (!en.containsKey(m.group(1))) missing.add(m.group(1) + " in " + f.getFileName());
            }
        }
        assertEquals(new TreeSet<>(), missing);
        assertFalse(en.isEmpty());
    }
}
