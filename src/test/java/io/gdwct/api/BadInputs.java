package io.gdwct.api;

import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.ImageResizer;
import io.gdwct.image.RgbImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Generates the malformed requests of the bad-input suite (issue 5): broken files (truncations, bit
 * flips, lying headers, non-images, polyglots, bombs) and broken forms (missing, empty, unknown,
 * repeated fields, bad values). Every one must be answered with a 4xx problem document.
 */
final class BadInputs {

    /** One multipart part: a file (fileName non-null) or a text field. */
    record Part(String name, String fileName, String mimeType, byte[] data) {
        static Part file(String name, String fileName, String mimeType, byte[] data) {
            return new Part(name, fileName, mimeType, data);
        }

        static Part text(String name, String value) {
            return new Part(name, null, "text/plain", value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request: a name for the report and its parts. */
    record Case(String name, List<Part> parts) {}

    final byte[] jpeg;
    final byte[] png;
    final byte[] exemplar;

    BadInputs() {
        jpeg = Api.bytes(Api.IMAGES.resolve("photo-red-pyramid.jpg"));
        exemplar = Api.bytes(Api.EXEMPLAR);
        RgbImage small = ImageResizer.fitWithin(new ImageDecoder(40_000_000).decode(jpeg), 64);
        png = ImageEncoder.encode(small, ImageFormat.PNG, 90);
    }

    /** Bad bytes as the content image, with a good exemplar. */
    Case asContent(String name, byte[] data, String mime) {
        return new Case("content " + name, List.of(Part.file("content", "c.png", mime, data),
                Part.file("exemplar", "e.jpg", "image/jpeg", exemplar)));
    }

    /** Bad bytes as the exemplar, with a good content image. */
    Case asExemplar(String name, byte[] data, String mime) {
        return new Case("exemplar " + name, List.of(Part.file("content", "c.jpg", "image/jpeg", jpeg),
                Part.file("exemplar", "e.png", mime, data)));
    }

    /** Good images plus these extra or replacing text fields. */
    Case withFields(String name, Part... fields) {
        List<Part> parts = new ArrayList<>(List.of(Part.file("content", "c.jpg", "image/jpeg", jpeg),
                Part.file("exemplar", "e.jpg", "image/jpeg", exemplar)));
        parts.addAll(List.of(fields));
        return new Case(name, parts);
    }

    List<Case> brokenFiles() {
        List<Case> cases = new ArrayList<>();
        for (int cut : offsets(jpeg.length, 70)) {
            cases.add(asContent("jpeg truncated at " + cut, Arrays.copyOf(jpeg, cut), "image/jpeg"));
        }
        for (int cut : offsets(png.length, 60)) {
            cases.add(asContent("png truncated at " + cut, Arrays.copyOf(png, cut), "image/png"));
        }
        for (int cut : offsets(png.length, 10)) {
            cases.add(asExemplar("png truncated at " + cut, Arrays.copyOf(png, cut), "image/png"));
        }
        for (int bit = 0; bit < 24; bit++) { // FF D8 FF: any flip makes it no JPEG at all
            cases.add(asContent("jpeg magic bit " + bit + " flipped", flip(jpeg, bit / 8, bit % 8), "image/jpeg"));
        }
        int iend = png.length - 12;
        int[] pngBytes = {0, 1, 3, 7, 11, 12, 15, 17, 19, 21, 23, 24, 25, 26, 27, 28, 29, 32,
            37, 41, 45, iend - 9, iend - 5, iend + 4, iend + 5, iend + 7};
        for (int pos : pngBytes) { // signature, IHDR fields and CRC, IDAT data and CRC, IEND type
            cases.add(asContent("png byte " + pos + " flipped", flip(png, pos, 2), "image/png"));
        }
        int w = (int) u32(png, 16);
        int h = (int) u32(png, 20);
        long[][] lies = {{w + 1, h}, {w, h * 2L}, {w * 3L, h * 3L}, {0, h}, {w, 0}, {1, 1}, {8, 8}, {100_000, 1},
            {30_000, 30_000}, {0x7FFF_FFFFL, 0x7FFF_FFFFL}, {0xFFFF_FFFFL, 1}, {0x8000_0000L, 0x8000_0000L}};
        for (long[] lie : lies) {
            cases.add(asContent("png IHDR claims " + lie[0] + "x" + lie[1], ihdr(png, lie[0], lie[1]), "image/png"));
        }
        cases.add(asExemplar("png IHDR claims 30000x30000", ihdr(png, 30_000, 30_000), "image/png"));
        cases.add(asContent("jpeg SOF claims 30000x30000", sof(jpeg, 30_000, 30_000), "image/jpeg"));
        cases.add(asContent("jpeg SOF claims 0x0", sof(jpeg, 0, 0), "image/jpeg"));
        cases.add(asContent("png bomb 30000x30000", Bombs.png(30_000, 30_000), "image/png"));
        cases.add(asExemplar("png bomb 30000x30000", Bombs.png(30_000, 30_000), "image/png"));
        cases.add(asContent("png bomb 65535x65535", Bombs.png(65_535, 65_535), "image/png"));
        byte[] text = "just some text, not an image\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        cases.add(asContent("text named .png", text, "image/png"));
        cases.add(asExemplar("text named .png", text, "image/png"));
        cases.add(asContent("zero bytes", new byte[0], "image/png"));
        cases.add(asExemplar("zero bytes", new byte[0], "image/jpeg"));
        cases.add(asContent("one byte", new byte[] {(byte) 0xFF}, "image/jpeg"));
        for (String poly : new String[] {"GIF89a\u0001\u0000\u0001\u0000", "PK\u0003\u0004zipzipzip", "%PDF-1.7\n%",
            "<!DOCTYPE html><html>", "RIFF\u0010\u0000\u0000\u0000WEBPVP8 garbage", "BMxxxxxxxxxxxxxxxxxxxx",
            "II*\u0000tiff", "\u0000\u0000\u0001\u0000ico"}) {
            cases.add(asContent("polyglot " + poly.substring(0, 4).strip(), concat(ascii(poly), text), "image/png"));
        }
        cases.add(asContent("jpeg SOI then html", concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, ascii("<html>x</html>")), "image/jpeg"));
        cases.add(asContent("jpeg SOI APP0 then html", concat(Arrays.copyOf(jpeg, 4), ascii("<html><script>x</script></html>")), "image/jpeg"));
        cases.add(asContent("png signature then html", concat(Arrays.copyOf(png, 8), ascii("<html>x</html>")), "image/png"));
        cases.add(asContent("png header then zip", concat(Arrays.copyOf(png, 33), ascii("PK\u0003\u0004 zip")), "image/png"));
        return cases;
    }

    /** {@code n} cut positions spread over [0, length): dense at both ends, where headers and trailers are. */
    static int[] offsets(int length, int n) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (int i = 0; i < n / 3; i++) {
            s.add(i);
            s.add(length - 1 - i);
        }
        for (int i = 0; s.size() < n; i++) {
            s.add((int) ((long) length * i / n));
        }
        return s.stream().mapToInt(Integer::intValue).filter(v -> v >= 0 && v < length).toArray();
    }

    static byte[] flip(byte[] b, int pos, int bit) {
        byte[] c = b.clone();
        c[pos] ^= (byte) (1 << bit);
        return c;
    }

    static long u32(byte[] b, int at) {
        return ByteBuffer.wrap(b, at, 4).getInt() & 0xFFFF_FFFFL;
    }

    /** The PNG with IHDR width and height replaced, and the IHDR CRC recomputed so only the size lies. */
    static byte[] ihdr(byte[] png, long width, long height) {
        byte[] c = png.clone();
        ByteBuffer.wrap(c, 16, 8).putInt((int) width).putInt((int) height);
        CRC32 crc = new CRC32();
        crc.update(c, 12, 17);
        ByteBuffer.wrap(c, 29, 4).putInt((int) crc.getValue());
        return c;
    }

    /** The JPEG with its first SOFn frame header's height and width replaced. */
    static byte[] sof(byte[] jpeg, int width, int height) {
        byte[] c = jpeg.clone();
        for (int i = 2; i + 9 < c.length; ) { // walk the marker segments up to the frame header
            int marker = c[i + 1] & 0xFF;
            int len = ((c[i + 2] & 0xFF) << 8) | (c[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                ByteBuffer.wrap(c, i + 5, 4).putShort((short) height).putShort((short) width);
                return c;
            }
            i += 2 + len;
        }
        throw new IllegalStateException("no SOF marker");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Small files that declare enormous images. */
    static final class Bombs {
        private Bombs() {}

        /**
         * A structurally valid 8-bit greyscale PNG of {@code width}×{@code height}: correct IHDR and CRCs,
         * one tiny IDAT (a few rows of zeros, deflated) and IEND. A few hundred bytes that would need
         * width × height bytes of memory to decode.
         */
        static byte[] png(int width, int height) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
            Deflater d = new Deflater(9);
            d.setInput(new byte[(width + 1) * 4]); // four rows of filter byte 0 + zeros
            d.finish();
            byte[] buf = new byte[4096];
            int n = d.deflate(buf);
            chunk(out, "IDAT", Arrays.copyOf(buf, n));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        }

        private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
            byte[] t = ascii(type);
            out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
            out.writeBytes(t);
            out.writeBytes(data);
            CRC32 crc = new CRC32();
            crc.update(t);
            crc.update(data);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
    }
}
