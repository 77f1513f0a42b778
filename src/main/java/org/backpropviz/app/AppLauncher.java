package org.backpropviz.app;

/** Placeholder until the window lands; replaced by the UI branch. */
public final class AppLauncher {
    private AppLauncher() {}

    public static void main(String[] args) {
        System.err.println("the window is not built yet");
    }
}
