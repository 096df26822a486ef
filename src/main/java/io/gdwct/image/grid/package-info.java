/**
 * Preview grids of images (training samples, evaluation grids) and their PNG file; pure Java
 * (AWT/ImageIO headless), shared by training and evaluation.
 *
 * <p>May import: image, files.
 */
package io.gdwct.image.grid;
