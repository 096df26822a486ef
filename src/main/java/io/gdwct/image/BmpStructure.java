package io.gdwct.image;

/**
 * BMP layout: a 14-byte file header {@code "BM" fileSize(4) reserved(4) dataOffset(4)} (little endian),
 * then a DIB header: BITMAPCOREHEADER (12 bytes, 16-bit sizes) or BITMAPINFOHEADER and its extensions
 * (40+ bytes: int32 width, int32 height where a negative height means rows are stored top-down,
 * planes, bits per pixel, compression, image size), then an optional palette and the pixel rows,
 * each padded to 4 bytes.
 */
final class BmpStructure {

    private static final int CORE_HEADER = 12;

    private BmpStructure() {
    }

    static ImageHeader header(ByteReader r) {
        Info info = info(r);
        return new ImageHeader(ImageFormat.BMP, info.width, info.height);
    }

    /** The declared file size must not exceed the byte count and the pixel data must fit. */
    static void checkComplete(ByteReader r) {
        Info info = info(r);
        long declaredSize = r.u32le(2);
        long dataOffset = r.u32le(10);
        if (declaredSize > r.length() || dataOffset > r.length()) {
            throw r.corrupt("file is shorter than its header declares (truncated file?)");
        }
        long needed = switch ((int) info.compression) {
            // uncompressed (and bit-field masked) rows: exact size known from the header
            case 0, 3, 6 -> (info.width * info.bitsPerPixel + 31) / 32 * 4 * info.height;
            // run-length encoded: only the declared image size tells
            case 1, 2 -> {
                if (info.imageSize == 0) {
                    throw r.corrupt("run-length data without a size");
                }
                yield info.imageSize;
            }
            default -> throw new UnsupportedImageFormatException(
                    "BMP with embedded JPEG/PNG or CMYK data is not supported; accepted formats are "
                            + UnsupportedImageFormatException.ALLOWED);
        };
        if (dataOffset + needed > r.length()) {
            throw r.corrupt("pixel data is cut short (truncated file?)");
        }
    }

    private static Info info(ByteReader r) {
        long dibSize = r.u32le(14);
        long width;
        long height;
        int planes;
        int bits;
        long compression = 0;
        long imageSize = 0;
        if (dibSize == CORE_HEADER) {
            width = r.u16le(18);
            height = r.u16le(20);
            planes = r.u16le(22);
            bits = r.u16le(24);
        } else if (dibSize >= 40) {
            width = (int) r.u32le(18); // signed
            int signedHeight = (int) r.u32le(22);
            if (signedHeight == Integer.MIN_VALUE) {
                throw r.corrupt("invalid height");
            }
            height = Math.abs(signedHeight); // negative = top-down rows, same size
            planes = r.u16le(26);
            bits = r.u16le(28);
            compression = r.u32le(30);
            imageSize = r.u32le(34);
        } else {
            throw r.corrupt("unknown header size");
        }
        if (width <= 0 || height <= 0) {
            throw r.corrupt("invalid width or height");
        }
        if (planes != 1 || !(bits == 1 || bits == 4 || bits == 8 || bits == 16 || bits == 24 || bits == 32)) {
            throw r.corrupt("invalid planes or bit depth");
        }
        return new Info(width, height, bits, compression, imageSize);
    }

    private record Info(long width, long height, int bitsPerPixel, long compression, long imageSize) {
    }
}
