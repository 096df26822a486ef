package io.gdwct.image;

/**
 * JPEG layout: SOI {@code FF D8}, then marker segments {@code FF xx length(2, BE, includes itself)
 * payload}, a frame header SOFn (precision, height, width, components), one or more scans SOS followed
 * by entropy-coded data, and EOI {@code FF D9}.
 */
final class JpegStructure {

    /** Receives each marker segment; returns false to stop the walk. */
    interface SegmentVisitor {
        boolean visit(int marker, Span payload);
    }

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private JpegStructure() {
    }

    /**
     * Walks the marker segments from SOI up to and including the first SOS (whose header must fit).
     * Entropy-coded data is not walked: its length is not declared anywhere.
     *
     * @throws CorruptImageException if a segment runs past the end or EOI/garbage comes before SOS
     */
    static void walk(ByteReader r, SegmentVisitor visitor) {
        long pos = 2;
        while (true) {
            if (r.u8(pos) != 0xFF) {
                throw r.corrupt("expected a marker");
            }
            while (r.u8(pos) == 0xFF) {
                pos++; // fill bytes are allowed before any marker
            }
            int marker = r.u8(pos++);
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // standalone markers carry no length
            }
            if (marker == EOI || marker == 0x00) {
                throw r.corrupt("no scan data");
            }
            int length = r.u16be(pos);
            if (length < 2) {
                throw r.corrupt("invalid segment length");
            }
            r.require(pos, length);
            if (!visitor.visit(marker, new Span((int) pos + 2, length - 2)) || marker == SOS) {
                return;
            }
            pos += length;
        }
    }

    static ImageHeader header(ByteReader r) {
        long[] size = new long[2];
        walk(r, (marker, p) -> {
            if (!isFrameHeader(marker)) {
                return true;
            }
            if (p.length() < 6) {
                throw r.corrupt("frame header too short");
            }
            int components = r.u8(p.offset() + 5);
            if (components == 0 || p.length() != 6 + 3 * components) {
                throw r.corrupt("frame header inconsistent");
            }
            size[1] = r.u16be(p.offset() + 1);
            size[0] = r.u16be(p.offset() + 3);
            return false;
        });
        if (size[0] == 0 || size[1] == 0) {
            // no SOFn before the scan, or a zero size (a DNL-defined height, which decoders do not support)
            throw r.corrupt("no valid frame header");
        }
        return new ImageHeader(ImageFormat.JPEG, size[0], size[1]);
    }

    /**
     * The segments up to the first scan must fit, and the file must end with EOI (trailing zero bytes
     * allowed: some writers pad). OpenCV decodes a truncated JPEG with only a warning, so this is the
     * only place where truncation is noticed.
     */
    static void checkComplete(ByteReader r) {
        walk(r, (marker, p) -> true);
        int end = r.length();
        while (end > 0 && r.bytes()[end - 1] == 0) {
            end--;
        }
        if (end < 4 || r.u8(end - 2) != 0xFF || r.u8(end - 1) != EOI) {
            throw r.corrupt("missing end-of-image marker (truncated file?)");
        }
    }

    /** The payload of the first APP1 segment that holds EXIF ("Exif\0\0" + TIFF), or null. */
    static Span findExif(ByteReader r) {
        Span[] found = new Span[1];
        walk(r, (marker, p) -> {
            if (marker == 0xE1 && p.length() >= 6 && r.fourcc(p.offset(), "Exif")
                    && r.u8(p.offset() + 4) == 0 && r.u8(p.offset() + 5) == 0) {
                found[0] = new Span(p.offset() + 6, p.length() - 6);
                return false;
            }
            return true;
        });
        return found[0];
    }

    /** SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
