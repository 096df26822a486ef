package io.gdwct.image.grid;

/** Keeps AWT (used by JFreeChart and ImageIO) off the display: training runs on servers. */
public final class Headless {

    private Headless() {
    }

    /**
     * Sets {@code java.awt.headless=true} unless the user chose a value. It must happen before
     * the first AWT class initialises, hence a call at every entry point that draws.
     */
    public static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
