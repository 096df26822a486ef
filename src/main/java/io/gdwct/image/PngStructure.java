package io.gdwct.image;

import java.util.zip.CRC32;

/**
 * PNG layout: 8-byte signature, then chunks of {@code length(4, BE) type(4) data(length) crc(4)};
 * the first chunk is IHDR (width, height, bit depth, colour type, ...), the last IEND.
 */
final class PngStructure {

    private static final long MAX_CHUNK_LENGTH = 0x7FFF_FFFFL;

    private PngStructure() {
    }

    static ImageHeader header(ByteReader r) {
        r.require(8, 8 + 13 + 4);
        if (r.u32be(8) != 13 || !r.fourcc(12, "IHDR")) {
            throw r.corrupt("the first chunk is not a valid IHDR");
        }
        long width = r.u32be(16);
        long height = r.u32be(20);
        int bitDepth = r.u8(24);
        int colourType = r.u8(25);
        if (width == 0 || height == 0) {
            throw r.corrupt("zero width or height");
        }
        if (!validDepth(colourType, bitDepth) || r.u8(26) != 0 || r.u8(27) != 0 || r.u8(28) > 1) {
            throw r.corrupt("invalid IHDR fields");
        }
        // the CRC covers type and data; checking it here catches a flipped size before we trust it
        CRC32 crc = new CRC32();
        crc.update(r.bytes(), 12, 4 + 13);
        if (crc.getValue() != r.u32be(29)) {
            throw r.corrupt("IHDR checksum mismatch");
        }
        return new ImageHeader(ImageFormat.PNG, width, height);
    }

    /** Every chunk must fit in the file, at least one IDAT must come before an IEND. */
    static void checkComplete(ByteReader r) {
        boolean sawData = false;
        long pos = 8;
        while (true) {
            long length = r.u32be(pos);
            if (length > MAX_CHUNK_LENGTH) {
                throw r.corrupt("chunk length out of range");
            }
            r.require(pos + 8, length + 4);
            if (r.fourcc(pos + 4, "IDAT")) {
                sawData = true;
            } else if (r.fourcc(pos + 4, "IEND")) {
                if (!sawData) {
                    throw r.corrupt("no image data");
                }
                return;
            }
            pos += 12 + length;
        }
    }

    /**
     * The payload of the first chunk of the given type before IEND, or null. Stops quietly at a chunk
     * that does not fit: this serves optional metadata, whose damage is not fatal.
     */
    static Span findChunk(ByteReader r, String type) {
        long pos = 8;
        while (pos + 12 <= r.length()) {
            long length = r.u32be(pos);
            if (pos + 12 + length > r.length() || r.fourcc(pos + 4, "IEND")) {
                return null;
            }
            if (r.fourcc(pos + 4, type)) {
                return new Span((int) pos + 8, (int) length);
            }
            pos += 12 + length;
        }
        return null;
    }

    private static boolean validDepth(int colourType, int bitDepth) {
        return switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }
}
