package io.gdwct.folder;

import io.gdwct.core.Sizing;
import io.gdwct.core.StyleCode;
import io.gdwct.core.Translation;
import io.gdwct.image.RgbImage;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import java.nio.file.Path;

/**
 * The style of one exemplar image, sized as for a single translation ({@link Sizing#prepareExemplar}),
 * so that each folder output equals what {@code translate --content} makes of the same pair.
 */
public final class ExemplarStyle implements StyleSource {
    private final Path file;
    private final RgbImage exemplar;

    private ExemplarStyle(Path file, RgbImage exemplar) {
        this.file = file;
        this.exemplar = exemplar;
    }

    /**
     * @param decoded the exemplar file's image
     * @throws io.gdwct.image.ImageTooSmallException when it is smaller than {@link Sizing#MIN_SIDE}
     */
    public static ExemplarStyle of(Path file, RgbImage decoded, int maxSide) {
        return new ExemplarStyle(file, Sizing.prepareExemplar(decoded, maxSide));
    }

    @Override
    public String describe() {
        return "exemplar " + file;
    }

    @Override
    public StyleCode code(GdwctModel model, Direction direction) {
        return Translation.styleCode(model, exemplar, direction);
    }
}
