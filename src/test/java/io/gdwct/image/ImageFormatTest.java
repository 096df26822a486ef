package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    private static final RgbImage IMAGE = TestImages.smallPhoto();
    private final ImageDecoder decoder = new ImageDecoder(40_000_000);

    @Test
    void sniffsEveryFormatFromItsMagicBytes() {
        for (ImageFormat format : ImageFormat.values()) {
            byte[] bytes = ImageEncoder.encode(IMAGE, format, 90);
            assertEquals(Optional.of(format), ImageFormat.sniff(bytes), format.name());
            assertEquals(Optional.of(format), ImageFormat.sniff(Arrays.copyOf(bytes, ImageFormat.SNIFF_BYTES)));
        }
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.sniff(TestImages.resource(TestImages.PHOTO)));
    }

    @Test
    void textIsNotAnImage() {
        byte[] text = "BM this is a text file that starts like a bitmap\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.empty(), ImageFormat.sniff(text));
        UnsupportedImageFormatException e = assertThrows(UnsupportedImageFormatException.class, () -> decoder.decode(text));
        assertTrue(e.getMessage().contains("JPEG, PNG, WEBP, BMP"), e.getMessage());
    }

    @Test
    void gifIsUnsupported() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.empty(), ImageFormat.sniff(gif));
        assertThrows(UnsupportedImageFormatException.class, () -> decoder.decode(gif));
    }

    @Test
    void pngSignatureGluedToGarbageSniffsAsPngButIsCorrupt() {
        byte[] png = ImageEncoder.encode(IMAGE, ImageFormat.PNG, 0);
        byte[] glued = Arrays.copyOf(png, 8 + 500);
        for (int i = 8; i < glued.length; i++) {
            glued[i] = (byte) (i * 31 + 7);
        }
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.sniff(glued));
        assertThrows(CorruptImageException.class, () -> decoder.decode(glued));
    }

    @Test
    void zeroBytes() {
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[0]));
        assertEquals(Optional.empty(), ImageFormat.sniff(null));
        CorruptImageException e = assertThrows(CorruptImageException.class, () -> decoder.decode(new byte[0]));
        assertEquals("image is empty", e.getMessage());
    }

    @Test
    void shortPrefixesDoNotThrow() {
        byte[] png = ImageEncoder.encode(IMAGE, ImageFormat.PNG, 0);
        for (int n = 0; n < 8; n++) {
            assertEquals(Optional.empty(), ImageFormat.sniff(Arrays.copyOf(png, n)));
        }
    }

    @Test
    void namesAndExtensions() {
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.fromName("JPG"));
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.fromName("jpeg"));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.fromName("Png"));
        assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.fromName("webp"));
        assertEquals(Optional.of(ImageFormat.BMP), ImageFormat.fromName(".bmp"));
        assertEquals(Optional.empty(), ImageFormat.fromName("gif"));
        assertEquals(Optional.empty(), ImageFormat.fromName(null));
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.fromFileName(Path.of("a/b/photo.JPEG")));
        assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.fromFileName(Path.of("x.y.webp")));
        assertEquals(Optional.empty(), ImageFormat.fromFileName(Path.of("README")));
        assertEquals("image/jpeg", ImageFormat.JPEG.mediaType());
        assertEquals("image/png", ImageFormat.PNG.mediaType());
        assertEquals("image/webp", ImageFormat.WEBP.mediaType());
        assertEquals("image/bmp", ImageFormat.BMP.mediaType());
        assertEquals("jpg", ImageFormat.JPEG.extension());
    }
}
