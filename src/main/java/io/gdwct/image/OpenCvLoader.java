package io.gdwct.image;

/**
 * Loads OpenCV's native library once per JVM.
 *
 * <p>{@code nu.pattern.OpenCV.loadLocally()} extracts and loads {@code libopencv_java} (about half a
 * second); loading it twice is harmless but wasteful, and JNI binds it to one class loader, so every
 * caller goes through this one idempotent entry point.
 */
public final class OpenCvLoader {

    private static volatile boolean loaded;

    private OpenCvLoader() {
    }

    /** Loads the native library if this JVM has not done so yet; cheap after the first call. */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (OpenCvLoader.class) {
            if (!loaded) {
                nu.pattern.OpenCV.loadLocally();
                loaded = true;
            }
        }
    }
}
