package io.gdwct.eval;

import io.gdwct.model.Direction;
import io.gdwct.model.ModelInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an evaluation found, before it is written out ({@link ReportJson} for metrics.json,
 * {@link ReportTable} for the console).
 *
 * @param modelName the model directory's name
 * @param model the model's description (config, domains, provenance)
 * @param direction which way every pair was translated
 * @param maxSide the --max-side the inputs were prepared with
 * @param strength the --strength every translation was made with (1 = the trained α)
 * @param cellSize side of a grid.png cell, in pixels
 * @param date when the evaluation finished
 * @param contents content names in evaluation (row) order
 * @param exemplars exemplar names in evaluation (column) order
 * @param pairs one result per (content, exemplar), content-major
 * @param summary means, medians and specificity
 * @param baseline the same pairs scored for a baseline method, or null when none was asked for
 */
public record EvaluationReport(String modelName, ModelInfo model, Direction direction, int maxSide, float strength, int cellSize,
        Instant date, List<String> contents, List<String> exemplars, List<PairResult> pairs, Summary summary,
        BaselineResult baseline) {

    public EvaluationReport {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(summary, "summary");
        contents = List.copyOf(contents);
        exemplars = List.copyOf(exemplars);
        pairs = List.copyOf(pairs);
    }

    /** Number of pairs (contents × exemplars). */
    public int count() {
        return pairs.size();
    }
}
