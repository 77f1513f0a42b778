package org.backpropviz.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;

/** A command's options and their values, each failure one line naming the option. */
final class Options {
    private Options() {}

    /**
     * The options in {@code args}, in their order: {@code --name VALUE} or {@code --name=VALUE} (GNU style) for a name
     * in {@code valued}, a bare {@code --name} for one in {@code flags}. Refused: an unknown option, a value missing
     * (a next argument that starts with {@code --} is the next option, not a value; {@code -1} is a value), a value
     * given to a flag, an option given twice, and an argument that is not an option.
     *
     * @return option name → value ({@code ""} for a flag)
     */
    static Map<String, String> parse(String[] args, Set<String> valued, Set<String> flags) throws Cli.UsageException {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) throw new Cli.UsageException("unexpected argument \"" + a + "\"");
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String value;
            if (flags.contains(name)) {
                if (eq >= 0) throw new Cli.UsageException(name + " takes no value");
                value = "";
            } else if (valued.contains(name)) {
                if (eq >= 0) value = a.substring(eq + 1);
                else if (i + 1 < args.length && !args[i + 1].startsWith("--")) value = args[++i];
                else value = "";
                if (value.isEmpty()) throw new Cli.UsageException(name + " needs a value");
            } else {
                throw new Cli.UsageException("unknown option " + name);
            }
            if (out.putIfAbsent(name, value) != null) throw new Cli.UsageException(name + " is given twice");
        }
        return out;
    }

    /** A whole number from {@code min} to {@code max}. */
    static int whole(String option, String v, int min, int max) throws Cli.UsageException {
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) return (int) n;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Cli.UsageException(option + ": \"" + v + "\" is not a whole number from " + min + " to " + max);
    }

    /** A finite number that passes {@code ok}; {@code rule} says which, as in "a number greater than 0". */
    static double number(String option, String v, DoublePredicate ok, String rule) throws Cli.UsageException {
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && ok.test(d)) return d;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Cli.UsageException(option + ": \"" + v + "\" is not " + rule);
    }
}
