/**
 * The training data pipeline: image folders, the batch plan, augmentation and the background
 * batch loader (host floats, no NDArrays).
 *
 * <p>May import: core, image, model, files.
 */
package io.gdwct.training.data;
