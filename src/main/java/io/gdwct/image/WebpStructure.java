package io.gdwct.image;

/**
 * WebP layout: {@code "RIFF" size(4, LE) "WEBP"}, then chunks {@code fourcc(4) size(4, LE) payload},
 * each padded to an even length. The first chunk is "VP8 " (lossy), "VP8L" (lossless) or "VP8X"
 * (extended: canvas size, then optional ICCP/EXIF/XMP chunks around the image chunk).
 */
final class WebpStructure {

    private static final long FIRST_CHUNK = 12;

    private WebpStructure() {
    }

    static ImageHeader header(ByteReader r) {
        long size = r.u32le(FIRST_CHUNK + 4);
        long p = FIRST_CHUNK + 8;
        long width;
        long height;
        if (r.fourcc(FIRST_CHUNK, "VP8 ")) {
            r.require(p, 10);
            // 3-byte frame tag (bit 0 clear = key frame), start code 9D 01 2A, then 14-bit sizes
            if (size < 10 || (r.u8(p) & 1) != 0 || r.u8(p + 3) != 0x9D || r.u8(p + 4) != 0x01 || r.u8(p + 5) != 0x2A) {
                throw r.corrupt("invalid VP8 frame header");
            }
            width = r.u16le(p + 6) & 0x3FFF;
            height = r.u16le(p + 8) & 0x3FFF;
        } else if (r.fourcc(FIRST_CHUNK, "VP8L")) {
            r.require(p, 5);
            long bits = r.u32le(p + 1);
            if (size < 5 || r.u8(p) != 0x2F || (bits >>> 29) != 0) {
                throw r.corrupt("invalid VP8L header");
            }
            width = (bits & 0x3FFF) + 1;
            height = ((bits >>> 14) & 0x3FFF) + 1;
        } else if (r.fourcc(FIRST_CHUNK, "VP8X")) {
            r.require(p, 10);
            if (size < 10) {
                throw r.corrupt("invalid VP8X header");
            }
            width = r.u24le(p + 4) + 1L;
            height = r.u24le(p + 7) + 1L;
        } else {
            throw r.corrupt("unknown first chunk");
        }
        if (width == 0 || height == 0) {
            throw r.corrupt("zero width or height");
        }
        return new ImageHeader(ImageFormat.WEBP, width, height);
    }

    /**
     * The RIFF size must match the byte count (give or take the final pad byte), every chunk must fit,
     * and there must be one still-image chunk.
     */
    static void checkComplete(ByteReader r) {
        long riffEnd = r.u32le(4) + 8;
        if (Math.abs(r.length() - riffEnd) > 1) {
            throw r.corrupt("file size " + r.length() + " does not match the declared " + riffEnd + " (truncated file?)");
        }
        long end = Math.min(riffEnd, r.length());
        boolean sawImage = false;
        boolean sawAnimation = false;
        long pos = FIRST_CHUNK;
        while (pos < end) {
            r.require(pos, 8);
            long size = r.u32le(pos + 4);
            if (pos + 8 + size > end) {
                throw r.cutShort();
            }
            sawImage |= r.fourcc(pos, "VP8 ") || r.fourcc(pos, "VP8L");
            sawAnimation |= r.fourcc(pos, "ANMF");
            pos += 8 + size + (size & 1);
        }
        if (!sawImage) {
            if (sawAnimation) {
                throw new UnsupportedImageFormatException("animated WebP is not supported; send a still image ("
                        + UnsupportedImageFormatException.ALLOWED + ")");
            }
            throw r.corrupt("no image data");
        }
    }

    /** The payload of the first chunk with the given fourcc, or null; damage ends the search quietly. */
    static Span findChunk(ByteReader r, String fourcc) {
        long pos = FIRST_CHUNK;
        while (pos + 8 <= r.length()) {
            long size = r.u32le(pos + 4);
            if (pos + 8 + size > r.length()) {
                return null;
            }
            if (r.fourcc(pos, fourcc)) {
                return new Span((int) pos + 8, (int) size);
            }
            pos += 8 + size + (size & 1);
        }
        return null;
    }
}
