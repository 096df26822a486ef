/**
 * The translation core, below serving, training and evaluation: the sizing rules
 * ({@link io.gdwct.core.Sizing}), the image ↔ tensor boundary ({@link io.gdwct.core.ImageTensors}),
 * the one forward sequence ({@link io.gdwct.core.Translation}) and the compute device choice.
 * Direction and strength ({@link io.gdwct.core.Strength}, range-checked where it enters) are plain
 * Java values here, never tensors.
 *
 * <p>May import: image, model, files.
 */
package io.gdwct.core;
