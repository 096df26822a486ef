package io.gdwct.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.gdwct.model.GdwctConfig;

/**
 * One domain's generator ({@code model.py} l.188-198): its own content encoder, style encoder and
 * decoder. Children {@code c_encoder}, {@code s_encoder}, {@code decoder}; the state_dict keys
 * match the official ones. As a DJL block, forward takes (content image, exemplar image) and
 * returns the decoded image of this generator's content and style encoders.
 */
public final class Generator extends GdwctBlock {
    private final GdwctConfig config;
    private final ContentEncoder contentEncoder;
    private final StyleEncoder styleEncoder;
    private final Decoder decoder;

    public Generator(GdwctConfig config) {
        this.config = config;
        contentEncoder = child("c_encoder", new ContentEncoder(config));
        styleEncoder = child("s_encoder", new StyleEncoder(config));
        decoder = child("decoder", new Decoder(config));
    }

    public GdwctConfig config() {
        return config;
    }

    public ContentEncoder contentEncoder() {
        return contentEncoder;
    }

    public StyleEncoder styleEncoder() {
        return styleEncoder;
    }

    public Decoder decoder() {
        return decoder;
    }

    /**
     * Freezes every parameter for inference (no autograd; cached kernel folds, see
     * {@link FoldedKernel}) and reads each module's α to the host once, so that no inference call
     * reads the device for it. Call it once the weights are final.
     */
    public void freeze() {
        namedParameters().values().forEach(p -> p.freeze(true));
        decoder.modules().forEach(GdwctModule::freeze);
    }

    /** Clamps every module's α to [0, 1] (official {@code clamping_alpha}). */
    public void clampAlphas() {
        decoder.modules().forEach(GdwctModule::clampAlpha);
    }

    @Override
    protected NDList apply(NDList inputs, boolean training) {
        NDArray c = contentEncoder.encode(inputs.get(0), training, training ? 1 : 0);
        NDArray s = styleEncoder.encode(inputs.get(1));
        return new NDList(decoder.decode(c, s, training, 1f, false).image());
    }
}
