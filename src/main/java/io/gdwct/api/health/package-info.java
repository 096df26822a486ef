/**
 * Liveness, readiness and startup probes: tiny beans that report the serving layer's state.
 *
 * <p>May import: inference, core, image, model, files.
 */
package io.gdwct.api.health;
