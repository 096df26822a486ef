package io.gdwct.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gdwct.model.Direction;
import java.util.Objects;

/**
 * A style code held on the host: what the style encoder made of one exemplar
 * ({@link Translation#styleCode}), kept to translate many contents in that style (a folder) without
 * running the encoder again. Plain floats, so every worker thread puts it in its own manager and no
 * array is shared between threads. Treat it as read-only.
 *
 * @param direction the direction it was encoded for (it steers which decoder may use it)
 * @param shape     the code's shape, (1, C, 1, 1)
 * @param values    the code, row-major
 */
public record StyleCode(Direction direction, long[] shape, float[] values) {
    public StyleCode {
        Objects.requireNonNull(direction, "direction");
        if (new Shape(shape).size() != values.length) {
            throw new IllegalArgumentException("a style code of shape " + new Shape(shape) + " needs "
                    + new Shape(shape).size() + " values, got " + values.length);
        }
    }

    NDArray toArray(NDManager manager) {
        return manager.create(values, new Shape(shape));
    }
}
