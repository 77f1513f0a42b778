package org.backpropviz.launch;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** A child JVM for {@link WindowJvmTest}: starts JavaFX (headless, through Monocle), says which module it came from, and exits. */
final class FxStartProbe {
    private FxStartProbe() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        System.out.println("JavaFX started from " + Platform.class.getModule());
        // ControlsFX's access: the internals it uses are open to the classpath's unnamed module
        Module unnamed = FxStartProbe.class.getModule();
        System.out.println("behavior exported: " + javafx.scene.control.Control.class.getModule()
                .isExported("com.sun.javafx.scene.control.behavior", unnamed));
        Platform.exit();
    }
}
