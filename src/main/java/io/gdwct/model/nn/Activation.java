package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;

/** The activations the official ConvBlock/LinearBlock use ({@code model.py} l.232-245). */
public enum Activation {
    NONE, RELU, LRELU, TANH;

    /** LeakyReLU slope of the official code (0.01, not MUNIT's 0.2). */
    public static final float LEAKY_SLOPE = 0.01f;

    public NDArray apply(NDArray x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> x.getNDArrayInternal().relu();
            case LRELU -> x.getNDArrayInternal().leakyRelu(LEAKY_SLOPE);
            case TANH -> x.tanh();
        };
    }
}
