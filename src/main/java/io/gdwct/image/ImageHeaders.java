package io.gdwct.image;

/**
 * Reads an image's declared size from its header without decoding pixels, and checks that a file is
 * structurally complete. Both are pure Java over the bytes (no OpenCV), so they run in microseconds
 * and let the decoder refuse a decompression bomb or a truncated upload before any native code sees it.
 */
public final class ImageHeaders {

    private ImageHeaders() {
    }

    /**
     * Identifies the format by magic bytes and parses width × height: PNG from IHDR; JPEG by walking
     * the markers to the SOFn frame header; WebP from the VP8, VP8L or VP8X chunk; BMP from its DIB
     * header (a negative height, meaning top-down rows, gives the absolute value).
     *
     * @param bytes the whole file, or at least its beginning up to the size fields
     * @throws CorruptImageException           if empty, cut short or inconsistent
     * @throws UnsupportedImageFormatException if not JPEG, PNG, WebP or BMP
     */
    public static ImageHeader read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new CorruptImageException("image is empty");
        }
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(UnsupportedImageFormatException::new);
        ByteReader r = new ByteReader(bytes, format);
        return switch (format) {
            case PNG -> PngStructure.header(r);
            case JPEG -> JpegStructure.header(r);
            case WEBP -> WebpStructure.header(r);
            case BMP -> BmpStructure.header(r);
        };
    }

    /**
     * Checks that the whole file is there, because decoders do not reliably say so (OpenCV decodes a
     * truncated JPEG with only a warning): JPEG ends with EOI; PNG chunks all fit and IEND is present;
     * the WebP RIFF size matches the byte count; the BMP file size and pixel data fit.
     *
     * @param header the result of {@link #read} on the same bytes
     * @throws CorruptImageException if not
     */
    static void checkComplete(ImageHeader header, byte[] bytes) {
        ByteReader r = new ByteReader(bytes, header.format());
        switch (header.format()) {
            case PNG -> PngStructure.checkComplete(r);
            case JPEG -> JpegStructure.checkComplete(r);
            case WEBP -> WebpStructure.checkComplete(r);
            case BMP -> BmpStructure.checkComplete(r);
        }
    }
}
