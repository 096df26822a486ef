package io.gdwct.eval;

import java.util.List;
import java.util.Objects;

/**
 * A baseline method scored on the same pairs as the model, so that every report prints the model
 * beside it. Its pairs have no model statistics (whitening and coloring are NaN).
 *
 * @param name the method ({@link ColourTransfer#NAME})
 * @param pairs one result per (content, exemplar), in the model's pair order
 * @param summary means, medians, specificity and low-tone share over those pairs
 */
public record BaselineResult(String name, List<PairResult> pairs, Summary summary) {

    public BaselineResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        pairs = List.copyOf(pairs);
    }
}
