package io.gdwct.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

class ExifOrientationTest {

    private final ImageDecoder decoder = new ImageDecoder(40_000_000);

    @Test
    void orientationSixTurnsAPhoneShotUpright() {
        byte[] plain = ImageEncoder.encode(TestImages.smallPhoto(), ImageFormat.JPEG, 90); // 128 x 96 stored
        RgbImage stored = decoder.decode(plain);
        byte[] tagged = TestImages.jpegWithOrientation(plain, 6, true);

        assertEquals(new ImageHeader(ImageFormat.JPEG, 128, 96), ImageHeaders.read(tagged)); // header = stored
        RgbImage upright = decoder.decode(tagged);
        assertEquals(96, upright.width());
        assertEquals(128, upright.height());
        // rotated 90° clockwise: the stored bottom-left corner is now the top-left one
        for (int y = 0; y < upright.height(); y++) {
            for (int x = 0; x < upright.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(stored.get(y, stored.height() - 1 - x, c), upright.get(x, y, c));
                }
            }
        }
    }

    @Test
    void everyOrientationMatchesOpenCvsOwnExifHandling() {
        byte[] plain = ImageEncoder.encode(TestImages.gradient(40, 24), ImageFormat.JPEG, 95);
        for (int orientation = 1; orientation <= 8; orientation++) {
            for (boolean littleEndian : new boolean[] {true, false}) {
                byte[] tagged = TestImages.jpegWithOrientation(plain, orientation, littleEndian);
                RgbImage ours = decoder.decode(tagged);
                RgbImage openCv = decodeWithImreadColor(tagged); // IMREAD_COLOR applies EXIF in OpenCV 4.9
                assertEquals(0, TestImages.maxDiff(openCv, ours), "orientation " + orientation);
            }
        }
    }

    @Test
    void pngAndWebpExifAreHonouredToo() {
        RgbImage img = TestImages.gradient(30, 20);
        byte[] png = TestImages.pngFromIdat(30, 20, 8, 2, pngIdat(img),
                TestImages.pngChunk("eXIf", TestImages.tiffWithOrientation(8, false)));
        RgbImage fromPng = decoder.decode(png);
        assertEquals(0, TestImages.maxDiff(ExifOrientation.apply(img, 8), fromPng));
        assertEquals(20, fromPng.width());

        byte[] simple = ImageEncoder.encode(img, ImageFormat.WEBP, 90);
        byte[] webp = TestImages.webpExtendedWithExif(simple, 30, 20, TestImages.tiffWithOrientation(3, true));
        assertEquals(0, TestImages.maxDiff(ExifOrientation.apply(decoder.decode(simple), 3), decoder.decode(webp)));
    }

    @Test
    void damagedExifMeansAsStored() {
        byte[] plain = ImageEncoder.encode(TestImages.gradient(16, 8), ImageFormat.JPEG, 90);
        byte[] tagged = TestImages.jpegWithOrientation(plain, 6, true);
        byte[] badMagic = tagged.clone();
        badMagic[4 + 6 + 2] = 43; // TIFF magic 42 -> 43
        assertEquals(1, ExifOrientation.read(ImageFormat.JPEG, badMagic));
        assertEquals(16, decoder.decode(badMagic).width());
        assertEquals(1, ExifOrientation.read(ImageFormat.JPEG, TestImages.jpegWithOrientation(plain, 9, true)));
        assertEquals(6, ExifOrientation.read(ImageFormat.JPEG, tagged));
    }

    @Test
    void orientationOneReturnsTheSameInstance() {
        RgbImage img = TestImages.gradient(4, 3);
        assertSame(img, ExifOrientation.apply(img, 1));
        // the eight orientations are the eight symmetries: all distinct for an asymmetric image
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int o = 1; o <= 8; o++) {
            RgbImage r = ExifOrientation.apply(img, o);
            seen.add(r.width() + "x" + r.height() + java.util.Arrays.toString(r.rgb()));
        }
        assertEquals(8, seen.size());
    }

    private static byte[] pngIdat(RgbImage img) {
        byte[] raw = new byte[img.height() * (1 + img.width() * 3)];
        for (int y = 0; y < img.height(); y++) {
            System.arraycopy(img.rgb(), y * img.width() * 3, raw, y * (1 + img.width() * 3) + 1, img.width() * 3);
        }
        return TestImages.deflate(raw);
    }

    private static RgbImage decodeWithImreadColor(byte[] bytes) {
        MatOfByte buf = new MatOfByte(bytes);
        Mat bgr = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_COLOR);
        try {
            return MatConversions.fromDecoded(bgr);
        } finally {
            buf.release();
            bgr.release();
        }
    }
}
