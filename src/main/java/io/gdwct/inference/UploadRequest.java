package io.gdwct.inference;

import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.image.ImageFormat;
import io.gdwct.model.Direction;
import java.util.Objects;

/**
 * One translation as a client asked for it: the two uploaded files' bytes (not yet decoded) and the
 * validated options. The HTTP layer checks ranges and names the offending field; the checks here only
 * guard the invariants.
 *
 * @param model     the model name, or null for the default
 * @param content   the content image file
 * @param exemplar  the exemplar (style) image file
 * @param maxSide   longest side of the output, {@link Sizing#MIN_SIDE} or more
 * @param strength  as parsed by the HTTP layer
 * @param format    output format
 * @param quality   1..100, for JPEG and WebP
 */
public record UploadRequest(String model, byte[] content, byte[] exemplar, Direction direction, int maxSide,
        Strength strength, ImageFormat format, int quality) {

    public UploadRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(exemplar, "exemplar");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(format, "format");
        if (maxSide < Sizing.MIN_SIDE || quality < 1 || quality > 100) {
            throw new IllegalArgumentException("out of range: maxSide " + maxSide + ", quality " + quality);
        }
    }
}
