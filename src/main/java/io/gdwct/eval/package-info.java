/**
 * {@code gdwct evaluate}: translate every content × exemplar pair with one model and score the
 * outputs with the metrics of {@link io.gdwct.eval.metrics}.
 *
 * <p>{@link io.gdwct.eval.EvaluationRun} goes from folders to files (metrics.json, grid.png);
 * {@link io.gdwct.eval.Evaluation} is the pair loop; {@link io.gdwct.eval.Summary} the aggregates.
 * Definitions and the JSON layout: docs/evaluation.md.
 *
 * <p>May import: core, image, model, files (neither training nor serving).
 */
package io.gdwct.eval;
