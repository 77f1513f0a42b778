package org.backpropviz.app;

import org.backpropviz.app.i18n.Messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
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

    @Test
    void everyLiteralKeyInTheAppExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern literal = Pattern.compile("text\\.get\\(\"([a-zA-Z0-9.\\-]+)\"\\s*[,)]");
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
