package io.gdwct.core;

/**
 * How strongly a translation applies the exemplar's style: it scales every GDWCT module's learned
 * α (1 = as trained, 0 = the content passes unchanged). The range is checked here, once, where a
 * user's value enters (the HTTP form, the CLI option); everything past that takes a
 * {@code Strength} as valid.
 *
 * @param value in [0, 1]
 */
public record Strength(float value) {
    /** As trained. */
    public static final Strength FULL = new Strength(1f);

    /** @throws IllegalArgumentException outside [0, 1] (NaN included) */
    public Strength {
        if (!allows(value)) {
            throw new IllegalArgumentException("strength must be in [0, 1], got " + value);
        }
    }

    /** Whether {@code value} is a strength, for edges that word their own refusal (NaN is not). */
    public static boolean allows(float value) {
        return value >= 0f && value <= 1f;
    }
}
