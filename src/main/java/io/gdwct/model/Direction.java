package io.gdwct.model;

import java.util.Locale;

/**
 * Which way a translation goes. a2b renders content of domain A in the style of an exemplar of
 * domain B: G_A's content encoder, G_B's style encoder and decoder (the official test path).
 */
public enum Direction {
    A2B, B2A;

    /** Parses "a2b" / "b2a" (case-insensitive). */
    public static Direction parse(String s) {
        if (s != null) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "a2b": return A2B;
                case "b2a": return B2A;
                default: break;
            }
        }
        throw new IllegalArgumentException("direction must be a2b or b2a, got '" + s + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
