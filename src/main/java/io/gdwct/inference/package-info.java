/**
 * Serving only: the model registry, the worker pool and its admission control, warm-up, deadlines
 * and the service's lifecycle. It knows nothing of HTTP; translations go through
 * {@link io.gdwct.core.Translation}.
 *
 * <p>May import: core, image, model, files.
 */
package io.gdwct.inference;
