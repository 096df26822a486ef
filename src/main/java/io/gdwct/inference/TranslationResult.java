package io.gdwct.inference;

import io.gdwct.image.ImageFormat;
import io.gdwct.model.Direction;

/**
 * A finished translation: the encoded output image and what produced it.
 *
 * @param image       the encoded bytes
 * @param format      their format
 * @param inferenceMs model forward time (excludes queueing, decoding and encoding)
 */
public record TranslationResult(byte[] image, ImageFormat format, int width, int height, String model,
        Direction direction, long inferenceMs) {}
