package io.gdwct.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builders for test images: real photos from the test resources, and PNG/JPEG/WebP files made by hand. */
final class TestImages {

    static final String PHOTO = "photo-red-pyramid.jpg";
    static final String PHOTO_WIDE = "photo-storm.jpg";
    static final String PAINTING = "painting-arcimboldo-librarian.jpg";

    private TestImages() {
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real photo, decoded (512x384). */
    static RgbImage photo() {
        return new ImageDecoder(40_000_000).decode(resource(PHOTO));
    }

    /** A small piece of the real photo, for tests that decode many times. */
    static RgbImage smallPhoto() {
        return ImageResizer.resize(photo(), 128, 96);
    }

    /** An image whose pixel (x, y) is a distinct function of x and y, so any misplacement shows. */
    static RgbImage gradient(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 255 / Math.max(1, width - 1));
                rgb[i + 1] = (byte) (y * 255 / Math.max(1, height - 1));
                rgb[i + 2] = (byte) ((x * 7 + y * 13) & 0xFF);
            }
        }
        return new RgbImage(width, height, rgb);
    }

    // ---- PNG by hand ----

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        b.put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] ihdr(long width, long height, int bitDepth, int colourType) {
        return ByteBuffer.allocate(13).putInt((int) width).putInt((int) height)
                .put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * A PNG of the given rows (each row's packed samples, without the filter byte: filter 0 is added),
     * with extra chunks (PLTE, tRNS, eXIf...) placed before IDAT.
     */
    static byte[] png(int width, int height, int bitDepth, int colourType, byte[][] rows, byte[]... extraChunks) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] row : rows) {
            raw.write(0);
            raw.writeBytes(row);
        }
        return pngFromIdat(width, height, bitDepth, colourType, deflate(raw.toByteArray()), extraChunks);
    }

    static byte[] pngFromIdat(long width, long height, int bitDepth, int colourType, byte[] idat, byte[]... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(pngChunk("IHDR", ihdr(width, height, bitDepth, colourType)));
        for (byte[] chunk : extra) {
            out.writeBytes(chunk);
        }
        out.writeBytes(pngChunk("IDAT", idat));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    // ---- EXIF ----

    /** A minimal TIFF block ("II" or "MM") whose IFD0 holds one entry: orientation. */
    static byte[] tiffWithOrientation(int orientation, boolean littleEndian) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 + 4).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M');
        b.putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0); // no next IFD
        return b.array();
    }

    /** The JPEG with an APP1 "Exif" segment carrying the orientation inserted right after SOI. */
    static byte[] jpegWithOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        byte[] tiff = tiffWithOrientation(orientation, littleEndian);
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    // ---- WebP ----

    static byte[] riffChunk(String fourcc, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length + (payload.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fourcc.getBytes(StandardCharsets.ISO_8859_1)).putInt(payload.length).put(payload);
        return b.array();
    }

    /** Rewraps a simple lossy WebP ("VP8 " chunk) as an extended one (VP8X) with an EXIF chunk. */
    static byte[] webpExtendedWithExif(byte[] simpleWebp, int width, int height, byte[] tiff) {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0x08).put(new byte[3]); // flags: EXIF present
        vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(riffChunk("VP8X", vp8x.array()));
        body.write(simpleWebp, 12, simpleWebp.length - 12); // the VP8 chunk as is
        body.writeBytes(riffChunk("EXIF", tiff));
        byte[] b = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + b.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(b.length).put(b);
        return out.array();
    }

    /** Pixel-wise maximum absolute difference of two equally sized images. */
    static int maxDiff(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new AssertionError("sizes differ: " + a.width() + "x" + a.height() + " vs " + b.width() + "x" + b.height());
        }
        int max = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            max = Math.max(max, Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF)));
        }
        return max;
    }

    /** Mean absolute difference per sample. */
    static double meanDiff(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            sum += Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
        }
        return (double) sum / a.rgb().length;
    }
}
