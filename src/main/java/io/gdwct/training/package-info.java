/**
 * {@code gdwct train}: the optimisation loop, losses, checkpoints, the weight average and the
 * sample set rendered through {@link io.gdwct.core.Translation}.
 *
 * <p>May import: core, image, model, files (nothing of serving or evaluation).
 */
package io.gdwct.training;
