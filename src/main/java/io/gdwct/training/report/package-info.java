/**
 * What a training run shows while it runs: the metrics log, the loss chart and progress lines.
 *
 * <p>May import: core, image, model, files.
 */
package io.gdwct.training.report;
