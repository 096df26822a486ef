package io.gdwct.model.nn;

import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;

/** The initialisations of the official {@code utils/util.py} (l.46-66). */
public final class Inits {
    private Inits() {}

    /** kaiming_normal_(a=0, mode='fan_in'): N(0, 2 / fan_in), for generator conv and linear weights. */
    public static Initializer kaimingFanIn() {
        return new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2);
    }

    /** N(0, 0.02), for discriminator weights. */
    public static Initializer normal002() {
        return new NormalInitializer(0.02f);
    }

    public static Initializer constant(float v) {
        return new ConstantInitializer(v);
    }
}
