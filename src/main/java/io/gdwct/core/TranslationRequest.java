package io.gdwct.core;

import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import java.util.Objects;

/**
 * One translation, ready for the model: the content image already sized (sides multiples of 4),
 * the exemplar within the size limit ({@link Sizing#prepare} makes one). Direction and strength are
 * plain values: they steer the Java code, they are never tensors.
 *
 * @param strength in [0, 1], scales every GDWCT module's learned α
 */
public record TranslationRequest(RgbImage content, RgbImage exemplar, Direction direction, float strength) {
    public TranslationRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(exemplar, "exemplar");
        Objects.requireNonNull(direction, "direction");
        if (!(strength >= 0f && strength <= 1f)) {
            throw new IllegalArgumentException("strength must be in [0, 1], got " + strength);
        }
        if (content.width() % 4 != 0 || content.height() % 4 != 0) {
            throw new IllegalArgumentException("content sides must be multiples of 4, got "
                    + content.width() + "x" + content.height());
        }
    }
}
