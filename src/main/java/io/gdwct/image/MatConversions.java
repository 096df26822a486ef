package io.gdwct.image;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Copies between {@link RgbImage} and OpenCV {@link Mat}s. Callers own (and release) every Mat.
 */
final class MatConversions {

    private MatConversions() {
    }

    /** A new {@code CV_8UC3} Mat holding the image's bytes in RGB order (for resampling, order is irrelevant). */
    static Mat toMat(RgbImage img) {
        Mat mat = new Mat(img.height(), img.width(), CvType.CV_8UC3);
        mat.put(0, 0, img.rgb());
        return mat;
    }

    /** Copies a continuous {@code CV_8UC3} Mat whose bytes are already in RGB order. */
    static RgbImage fromRgbMat(Mat mat) {
        byte[] rgb = new byte[mat.rows() * mat.cols() * 3];
        mat.get(0, 0, rgb);
        return new RgbImage(mat.cols(), mat.rows(), rgb);
    }

    /**
     * Converts what {@code imdecode(IMREAD_UNCHANGED)} returns to 8-bit RGB: 16-bit samples scale by
     * 1/257 (65535 → 255, rounded); grey is copied to R, G and B; BGR is reordered; an alpha channel is
     * composited over white, {@code round((c·a + 255·(255 − a)) / 255)}, so transparent areas read as
     * a white page (the usual assumption of photo and drawing tools) rather than as black.
     *
     * @param decoded 1 (grey), 2 (grey, alpha), 3 (BGR) or 4 (BGRA) channels, 8 or 16 bits
     */
    static RgbImage fromDecoded(Mat decoded) {
        Mat eight = decoded;
        try {
            if (decoded.depth() == CvType.CV_16U) {
                eight = new Mat();
                decoded.convertTo(eight, CvType.CV_8U, 1.0 / 257.0);
            } else if (decoded.depth() != CvType.CV_8U) {
                throw new CorruptImageException("unsupported sample type in image");
            }
            int channels = eight.channels();
            if (channels == 3) {
                return fromBgr(eight); // the common case: a pure channel swap, done by OpenCV
            }
            int pixels = eight.rows() * eight.cols();
            byte[] src = new byte[pixels * channels];
            eight.get(0, 0, src);
            return new RgbImage(eight.cols(), eight.rows(), toRgb(src, pixels, channels));
        } finally {
            if (eight != decoded) {
                eight.release();
            }
        }
    }

    private static RgbImage fromBgr(Mat bgr) {
        Mat rgb = new Mat();
        try {
            Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
            return fromRgbMat(rgb);
        } finally {
            rgb.release();
        }
    }

    /** Grey, grey + alpha and BGRA, per pixel: the alpha compositing has its own rounding. */
    private static byte[] toRgb(byte[] src, int pixels, int channels) {
        byte[] rgb = new byte[pixels * 3];
        for (int i = 0; i < pixels; i++) {
            int s = i * channels;
            int r;
            int g;
            int b;
            int a = 255;
            switch (channels) {
                case 1 -> r = g = b = src[s] & 0xFF;
                case 2 -> {
                    r = g = b = src[s] & 0xFF;
                    a = src[s + 1] & 0xFF;
                }
                case 3, 4 -> {
                    b = src[s] & 0xFF;
                    g = src[s + 1] & 0xFF;
                    r = src[s + 2] & 0xFF;
                    a = channels == 4 ? src[s + 3] & 0xFF : 255;
                }
                default -> throw new CorruptImageException("unsupported channel count in image: " + channels);
            }
            rgb[i * 3] = (byte) overWhite(r, a);
            rgb[i * 3 + 1] = (byte) overWhite(g, a);
            rgb[i * 3 + 2] = (byte) overWhite(b, a);
        }
        return rgb;
    }

    private static int overWhite(int c, int a) {
        return (c * a + 255 * (255 - a) + 127) / 255;
    }
}
