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

/**
 * Translates one content image in the style of one exemplar and writes the result; or, in folder
 * mode ({@link FolderOptions}), every image of a folder.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Render a content image in the style of an exemplar image.",
            "Folder mode (--content-dir, --out-dir) renders every image of a folder: in parallel, resumable, splittable with --shard."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:done (folder mode: every image has its output)", "1:error (one line on stderr)",
            "2:usage error", "3:folder mode: some images failed (listed; the others were written)"})
public class TranslateCommand implements Callable<Integer> {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--content", description = "Content image (JPEG, PNG, WebP, BMP); with --out. Or --content-dir.")
    Path content;

    @Option(names = "--exemplar", required = true, description = "Exemplar (style) image.")
    Path exemplar;

    @Option(names = "--out", description = "Output file (with --content); its extension picks the format (png, jpg, webp, bmp).")
    Path out;

    @Mixin
    TranslationOptions translation = new TranslationOptions(512);

    @Mixin
    DeviceOption device = new DeviceOption();

    @Mixin
    FolderOptions folder = new FolderOptions();

    @Override
    public Integer call() throws Exception {
        if (folder.folderMode(content, out)) {
            return folder.run(model.dir, exemplar, translation, device);
        }
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

    static RgbImage read(ImageDecoder decoder, Path file, String option) throws Exception {
        try {
            return decoder.read(file);
        } catch (java.nio.file.NoSuchFileException ex) {
            throw new IllegalArgumentException(option + ": no such file: " + file);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(option + " " + file + ": " + CommandLineConfig.oneLine(ex));
        }
    }
}
