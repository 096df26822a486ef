package io.gdwct.core;

import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import java.util.Objects;

/**
 * One translation, ready for the model: the content image already sized (sides multiples of 4),
 * the exemplar within the size limit ({@link Sizing#prepare} makes one). Direction and strength are
 * plain values: they steer the Java code, they are never tensors.
 *
 * @param strength scales every GDWCT module's learned α (validated where it entered)
 */
public record TranslationRequest(RgbImage content, RgbImage exemplar, Direction direction, Strength strength) {
    public TranslationRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(exemplar, "exemplar");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(strength, "strength");
        if (content.width() % 4 != 0 || content.height() % 4 != 0) {
            throw new IllegalArgumentException("content sides must be multiples of 4, got "
                    + content.width() + "x" + content.height());
        }
    }
}
