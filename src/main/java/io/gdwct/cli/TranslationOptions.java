package io.gdwct.cli;

import io.gdwct.core.Strength;
import io.gdwct.model.Direction;
import picocli.CommandLine.Option;

/**
 * The options of a translation that {@code translate} and {@code evaluate} share. Only the default
 * of {@code --max-side} differs: each command passes its own, and help shows it (picocli takes an
 * option's default from the field's initial value).
 */
public final class TranslationOptions {
    @Option(names = "--direction", defaultValue = "a2b",
            description = "a2b (content from domain A, style of B) or b2a. Default: ${DEFAULT-VALUE}.")
    String direction;

    @Option(names = "--max-side",
            description = "Longest side the images are prepared to; larger images are scaled down. Default: ${DEFAULT-VALUE}.")
    int maxSide;

    @Option(names = "--strength", defaultValue = "1.0",
            description = "Scale of every GDWCT module's learned blend α, in [0, 1] (1 = as trained, 0 = content only). Default: ${DEFAULT-VALUE}.")
    float strength;

    @Option(names = "--max-pixels", defaultValue = "40000000",
            description = "Reject images larger than this many pixels. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    /** For picocli's reflection; commands construct it with their default. */
    public TranslationOptions() {
        this(512);
    }

    TranslationOptions(int defaultMaxSide) {
        this.maxSide = defaultMaxSide;
    }

    Direction direction() {
        return Direction.parse(direction);
    }

    /** @throws IllegalArgumentException outside [0, 1], before any image is read */
    Strength strength() {
        return new Strength(strength);
    }
}
