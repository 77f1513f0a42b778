package org.backpropviz.app.fx;

import java.util.function.Consumer;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Editable whole-number spinners that refuse what they cannot take. JavaFX's own spinner commits the typed text when
 * it loses focus or on Enter, and its converter then throws {@code NumberFormatException} on the JavaFX thread for
 * text that is not a number, while its value factory clamps a number out of range without a word. Here the spinner
 * keeps its value, shows it again, and says what it refused.
 */
public final class WholeNumberSpinners {
    private WholeNumberSpinners() {}

    /** What a spinner refused: the text as typed (trimmed), the bounds it had then, and the value it keeps. */
    public record Refusal(String typed, int min, int max, int kept) {}

    /**
     * Makes {@code s} (an {@link SpinnerValueFactory.IntegerSpinnerValueFactory}) refuse typed text that is not a whole
     * number within the factory's current bounds: {@code refused} is told, then the spinner's editor shows its
     * unchanged value. Replaces the factory's converter.
     */
    public static void refuseBadText(Spinner<Integer> s, Consumer<Refusal> refused) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = (SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String typed) {
                Integer v = within(typed, f.getMin(), f.getMax());
                if (v != null) return v;
                refused.accept(new Refusal(typed == null ? "" : typed.trim(), f.getMin(), f.getMax(), f.getValue()));
                s.getEditor().setText(toString(f.getValue()));
                return f.getValue();
            }
        });
    }

    /** The whole number in {@code typed}, if it is one in [min, max]; else null. */
    private static Integer within(String typed, int min, int max) {
        if (typed == null) return null;
        try {
            int v = Integer.parseInt(typed.trim());
            return v >= min && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
