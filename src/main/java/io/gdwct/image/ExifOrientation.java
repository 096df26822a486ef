package io.gdwct.image;

/**
 * Reads the EXIF orientation tag (0x0112) and turns stored pixels upright.
 *
 * <p>The decoder asks OpenCV for the pixels exactly as stored ({@code IMREAD_UNCHANGED} skips OpenCV's
 * own EXIF handling) and applies the orientation here, so the behaviour is explicit and the same for
 * every format: JPEG (APP1 "Exif"), PNG (eXIf chunk) and WebP (EXIF chunk). Damaged or missing EXIF
 * means "as stored" (value 1), as in browsers: metadata must never make a viewable image fail.
 *
 * <p>Values (what to do to the stored image): 1 nothing; 2 mirror left-right; 3 rotate 180°;
 * 4 mirror top-bottom; 5 transpose; 6 rotate 90° clockwise; 7 transverse; 8 rotate 90° anticlockwise.
 * 5 to 8 swap width and height.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {
    }

    /** The orientation (1..8) declared by the file's EXIF, or 1. Never throws for damaged metadata. */
    static int read(ImageFormat format, byte[] bytes) {
        try {
            ByteReader r = new ByteReader(bytes, format);
            Span tiff = switch (format) {
                case JPEG -> JpegStructure.findExif(r);
                case PNG -> PngStructure.findChunk(r, "eXIf");
                case WEBP -> WebpStructure.findChunk(r, "EXIF");
                case BMP -> null;
            };
            return tiff == null ? NORMAL : fromTiff(bytes, tiff);
        } catch (CorruptImageException e) {
            return NORMAL; // the structure checks report real damage; here it only means "no usable EXIF"
        }
    }

    /** Parses IFD0 of a TIFF block ("II"/"MM", 42, offset of IFD0) for the orientation tag. */
    static int fromTiff(byte[] b, Span s) {
        int base = s.offset();
        int len = s.length();
        if (len >= 6 && b[base] == 'E' && b[base + 1] == 'x' && b[base + 4] == 0) {
            base += 6; // some WebP writers keep JPEG's "Exif\0\0" prefix
            len -= 6;
        }
        if (len < 8 || base + len > b.length) {
            return NORMAL;
        }
        boolean little;
        if (b[base] == 'I' && b[base + 1] == 'I') {
            little = true;
        } else if (b[base] == 'M' && b[base + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        if (u16(b, base + 2, little) != 42) {
            return NORMAL;
        }
        long ifd = u32(b, base + 4, little);
        if (ifd < 8 || ifd + 2 > len) {
            return NORMAL;
        }
        int count = u16(b, base + (int) ifd, little);
        for (int i = 0; i < count; i++) {
            int entry = base + (int) ifd + 2 + 12 * i;
            if (entry + 12 > base + len) {
                break;
            }
            if (u16(b, entry, little) == TAG_ORIENTATION) {
                int value = u16(b, entry + 8, little);
                return u16(b, entry + 2, little) == TYPE_SHORT && value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** The image turned upright for the given orientation; the same instance for 1 (or unknown values). */
    static RgbImage apply(RgbImage img, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return img;
        }
        int w = img.width();
        int h = img.height();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        byte[] src = img.rgb();
        byte[] out = new byte[src.length];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                // (sx, sy): the stored pixel shown at (x, y)
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                int s = (sy * w + sx) * 3;
                int d = (y * ow + x) * 3;
                out[d] = src[s];
                out[d + 1] = src[s + 1];
                out[d + 2] = src[s + 2];
            }
        }
        return new RgbImage(ow, oh, out);
    }

    private static int u16(byte[] b, int i, boolean little) {
        int b0 = b[i] & 0xFF;
        int b1 = b[i + 1] & 0xFF;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long lo = u16(b, i, little);
        long hi = u16(b, i + 2, little);
        return little ? lo | hi << 16 : lo << 16 | hi;
    }
}
