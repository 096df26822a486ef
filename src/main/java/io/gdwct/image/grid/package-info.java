/**
 * Preview grids of images (training samples, evaluation grids), shared by training and evaluation:
 * laid out here, resized and written through {@link io.gdwct.image} like every other image.
 *
 * <p>May import: image.
 */
package io.gdwct.image.grid;
