package io.gdwct.cli;

import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.core.Translation;
import io.gdwct.core.TranslationRequest;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Translates one content image in the style of one exemplar and writes the result. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Render a content image in the style of an exemplar image.")
public class TranslateCommand implements Callable<Integer> {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--content", required = true, description = "Content image (JPEG, PNG, WebP, BMP).")
    Path content;

    @Option(names = "--exemplar", required = true, description = "Exemplar (style) image.")
    Path exemplar;

    @Option(names = "--out", required = true, description = "Output file; its extension picks the format (png, jpg, webp, bmp).")
    Path out;

    @Mixin
    TranslationOptions translation = new TranslationOptions(512);

    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() throws Exception {
        Direction dir = translation.direction();
        Strength strength = translation.strength();
        if (ImageFormat.fromFileName(out).isEmpty()) {
            throw new IllegalArgumentException("--out must end in .png, .jpg, .jpeg, .webp or .bmp: " + out);
        }
        ImageDecoder decoder = new ImageDecoder(translation.maxPixels);
        RgbImage c = read(decoder, content, "--content");
        RgbImage e = read(decoder, exemplar, "--exemplar");
        TranslationRequest request = Sizing.prepare(c, e, dir, translation.maxSide, strength);
        try (GdwctModel m = GdwctModel.load(model.dir, device.select())) {
            long t0 = System.nanoTime();
            RgbImage y = Translation.translate(m, request, false).image();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            ImageEncoder.write(y, out);
            System.out.printf("%s: %dx%d, %s, %d ms%n", out, y.width(), y.height(), dir.label(), ms);
        }
        return 0;
    }

    private static RgbImage read(ImageDecoder decoder, Path file, String option) throws Exception {
        try {
            return decoder.read(file);
        } catch (java.nio.file.NoSuchFileException ex) {
            throw new IllegalArgumentException(option + ": no such file: " + file);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(option + " " + file + ": " + CommandLineConfig.oneLine(ex));
        }
    }
}
