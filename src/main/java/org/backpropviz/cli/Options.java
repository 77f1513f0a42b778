package org.backpropviz.cli;

/** Parsing of option values, each failure one line naming the option. */
final class Options {
    private Options() {}

    static int positiveInt(String option, String v) throws Cli.UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + ": \"" + v + "\" is not a positive whole number");
        }
    }

    static long integer(String option, String v) throws Cli.UsageException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + ": \"" + v + "\" is not a whole number");
        }
    }

    static double number(String option, String v) throws Cli.UsageException {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + ": \"" + v + "\" is not a number");
        }
    }
}
