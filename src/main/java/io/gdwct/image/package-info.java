/**
 * Images in memory ({@link io.gdwct.image.RgbImage}): format sniffing and header checks, bounded
 * decoding, orientation, colour conversion, resizing and encoding, with OpenCV.
 *
 * <p>May import: files.
 */
package io.gdwct.image;
