package io.gdwct.cli;

import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageEncoder;
import io.gdwct.image.ImageFormat;
import io.gdwct.image.RgbImage;
import io.gdwct.inference.DeviceSelector;
import io.gdwct.inference.ModelRunner;
import io.gdwct.inference.TranslationRequest;
import io.gdwct.inference.TranslationRequests;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Translates one content image in the style of one exemplar and writes the result. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Render a content image in the style of an exemplar image.")
public class TranslateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model directory (holds model.json).")
    Path model;

    @Option(names = "--content", required = true, description = "Content image (JPEG, PNG, WebP, BMP).")
    Path content;

    @Option(names = "--exemplar", required = true, description = "Exemplar (style) image.")
    Path exemplar;

    @Option(names = "--out", required = true, description = "Output file; its extension picks the format (png, jpg, webp, bmp).")
    Path out;

    @Option(names = "--direction", defaultValue = "a2b", description = "a2b (content from domain A, style of B) or b2a. Default: ${DEFAULT-VALUE}.")
    String direction;

    @Option(names = "--max-side", defaultValue = "512", description = "Longest side of the output; larger images are scaled down. Default: ${DEFAULT-VALUE}.")
    int maxSide;

    @Option(names = "--strength", defaultValue = "1.0", description = "0..1, scales each module's learned blend (1 = as trained, 0 = content only). Default: ${DEFAULT-VALUE}.")
    float strength;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--max-pixels", defaultValue = "40000000", description = "Reject images larger than this many pixels. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    @Override
    public Integer call() throws Exception {
        Direction dir = Direction.parse(direction);
        if (ImageFormat.fromFileName(out).isEmpty()) {
            throw new IllegalArgumentException("--out must end in .png, .jpg, .jpeg, .webp or .bmp: " + out);
        }
        ImageDecoder decoder = new ImageDecoder(maxPixels);
        RgbImage c = read(decoder, content, "--content");
        RgbImage e = read(decoder, exemplar, "--exemplar");
        TranslationRequest request = TranslationRequests.prepare(c, e, dir, maxSide, strength);
        try (GdwctModel m = GdwctModel.load(model, DeviceSelector.select(device));
                ModelRunner runner = new ModelRunner(model.getFileName().toString(), m)) {
            long t0 = System.nanoTime();
            RgbImage y = runner.translateOnce(request);
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
