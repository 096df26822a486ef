package io.gdwct.inference;

import io.gdwct.core.Sizing;
import java.util.Locale;

/**
 * Validates the {@link ServiceConfig} values that have a range, once at start-up, so that a bad value
 * stops the service with one line naming the setting and the allowed range.
 */
public final class ConfigCheck {
    private ConfigCheck() {}

    /** @throws IllegalArgumentException naming the first bad setting and its allowed range */
    public static void validate(ServiceConfig c) {
        ServiceConfig.Inference inf = c.inference();
        require(inf.queueSize() >= 1, "gdwct.inference.queue-size must be at least 1, got " + inf.queueSize());
        require(!inf.deadline().isNegative() && !inf.deadline().isZero(),
                "gdwct.inference.deadline must be positive, got " + inf.deadline());
        require(c.limits().maxPixels() >= 256,
                "gdwct.limits.max-pixels must be at least 256, got " + c.limits().maxPixels());
        int maxSide = c.limits().maxSide();
        require(maxSide >= Sizing.MIN_SIDE,
                "gdwct.limits.max-side must be at least " + Sizing.MIN_SIDE + ", got " + maxSide);
        for (int s : inf.warmupSizes()) {
            require(s >= Sizing.MIN_SIDE && s <= maxSide, "gdwct.inference.warmup-sizes: " + s
                    + " is outside " + Sizing.MIN_SIDE + ".." + maxSide + " (gdwct.limits.max-side)");
        }
        String d = c.device().trim().toLowerCase(Locale.ROOT);
        require(d.equals("auto") || d.equals("cpu") || d.equals("gpu"),
                "gdwct.device must be auto, cpu or gpu, got '" + c.device() + "'");
        require(!c.models().defaultModel().isBlank(), "gdwct.models.default must not be blank");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
